// Just enough Markdown reading for the docs checks: chapters, fenced blocks with the HTML comment
// that precedes them, inline code spans and links. Fenced blocks are skipped when looking for spans.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const docsDir = join(repoRoot, "docs");

export interface Chapter {
  file: string; // path relative to the repo root
  text: string;
}

export interface FencedBlock {
  chapter: string;
  line: number; // 1-based line of the opening fence
  lang: string;
  body: string;
  /** The `<!-- ... -->` directive on the line(s) just before the fence, if any. */
  directive?: string;
}

export function readChapters(): Chapter[] {
  const files = readdirSync(docsDir).filter((f) => f.endsWith(".md"));
  return [...files, "../README.md"].sort().map((f) => ({
    file: f === "../README.md" ? "README.md" : `docs/${f}`,
    text: readFileSync(join(docsDir, f), "utf8"),
  }));
}

export function fencedBlocks(chapter: Chapter): FencedBlock[] {
  const lines = chapter.text.split("\n");
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(lines[i] ?? "");
    if (!open) continue;
    const fence = open[2] ?? "```";
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? "").trim().startsWith(fence)) j++;
    let k = i - 1;
    while (k >= 0 && (lines[k] ?? "").trim() === "") k--;
    const prev = (lines[k] ?? "").trim();
    const directive = /^<!--\s*(.*?)\s*-->$/.exec(prev)?.[1];
    blocks.push({
      chapter: chapter.file,
      line: i + 1,
      lang: open[3] ?? "",
      body: lines.slice(i + 1, j).join("\n"),
      directive,
    });
    i = j;
  }
  return blocks;
}

/** The chapter's prose with fenced blocks blanked out, so spans and links inside code are ignored. */
export function prose(chapter: Chapter): string {
  return chapter.text.replace(/^(```+|~~~+)[\s\S]*?^\1\s*$/gm, "");
}

export function inlineCode(chapter: Chapter): string[] {
  return [...prose(chapter).matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)].map((m) => m[1] ?? "");
}

export function links(chapter: Chapter): string[] {
  return [...prose(chapter).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
export function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(
      (m[1] ?? "")
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, "")
        .replace(/\s/g, "-"),
    );
  }
  return out;
}
