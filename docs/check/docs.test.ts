// Keeps the chapters true: every path and function they name exists, every excerpt matches its
// source, every internal link resolves, and every command marked runnable runs offline and exits 0.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { excerptSource, parseExcerptDirective } from "./excerpts.ts";
import { exportedNames } from "./exportedNames.ts";
import { anchors, fencedBlocks, inlineCode, links, readChapters, repoRoot } from "./markdown.ts";
import { runnable } from "./runnable.ts";

const chapters = readChapters();
const repoPath = /^(apps|packages|bench|docs|\.ci)\/[\w./[\]@-]*$/;
const functionName = /^([A-Za-z_$][\w$]*)\(\)$/;

describe.each(chapters.map((c) => [c.file, c] as const))("%s", (_file, chapter) => {
  it("names only paths that exist", () => {
    const missing = inlineCode(chapter).filter((s) => repoPath.test(s) && !existsSync(join(repoRoot, s)));
    expect(missing).toEqual([]);
  });

  it("names only functions that the code exports", () => {
    const names = exportedNames();
    const unknown = inlineCode(chapter)
      .map((s) => functionName.exec(s)?.[1])
      .filter((n): n is string => !!n && !names.has(n));
    expect(unknown).toEqual([]);
  });

  it("shows excerpts that match their source", () => {
    const drift: string[] = [];
    for (const block of fencedBlocks(chapter)) {
      const ref = parseExcerptDirective(block.directive);
      if (!ref) continue;
      const source = excerptSource(ref.path, ref.region);
      if ("error" in source) drift.push(`line ${block.line}: ${source.error}`);
      else if (source.text !== block.body)
        drift.push(`line ${block.line}: differs from ${ref.path} (run pnpm --filter @switchyard/docs sync)`);
    }
    expect(drift).toEqual([]);
  });

  it("links only to files and headings that exist", () => {
    const broken: string[] = [];
    for (const link of links(chapter)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // external
      const [path = "", anchor] = link.split("#");
      const target = path
        ? resolve(dirname(join(repoRoot, chapter.file)), path)
        : join(repoRoot, chapter.file);
      if (!existsSync(target)) broken.push(link);
      else if (anchor && target.endsWith(".md") && !anchors(readFileSync(target, "utf8")).has(anchor))
        broken.push(link);
    }
    expect(broken).toEqual([]);
  });
});

const commands = chapters.flatMap((c) =>
  fencedBlocks(c)
    .map(runnable)
    .filter((r) => r !== null),
);

describe.skipIf(commands.length === 0)("runnable commands", () => {
  it.each(commands.map((r) => [`${r.block.chapter}:${r.block.line}`, r] as const))(
    "%s exits 0 offline",
    (_where, r) => {
      for (const command of r.commands) {
        execFileSync("bash", ["-c", command], {
          cwd: repoRoot,
          env: { ...process.env, CI: "true", OPENROUTER_API_KEY: "", OPENAI_API_KEY: "", DATABASE_URL: "" },
          stdio: ["ignore", "pipe", "pipe"],
          timeout: r.timeoutMs,
        });
      }
    },
    600_000,
  );
});
