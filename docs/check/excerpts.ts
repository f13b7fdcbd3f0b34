// Code excerpts in chapters are pulled from the real files, never pasted: a block preceded by
// `<!-- excerpt: path#region -->` must equal the lines between `// #region region` and
// `// #endregion` in that file (`<!-- excerpt: path -->` means the whole file).
// `pnpm --filter @switchyard/docs sync` rewrites every excerpt from its source.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./markdown.ts";

export function parseExcerptDirective(
  directive: string | undefined,
): { path: string; region?: string } | null {
  const m = /^excerpt:\s*(\S+?)(?:#([\w-]+))?$/.exec(directive ?? "");
  return m ? { path: m[1] ?? "", region: m[2] } : null;
}

/** The source text an excerpt must show, or an error message. */
export function excerptSource(path: string, region?: string): { text: string } | { error: string } {
  const file = join(repoRoot, path);
  if (!existsSync(file)) return { error: `${path} does not exist` };
  const text = readFileSync(file, "utf8");
  if (!region) return { text: text.replace(/\n$/, "") };
  const lines = text.split("\n");
  const start = lines.findIndex((l) =>
    new RegExp(`^\\s*(//|#|/\\*|\\{/\\*)\\s*#region ${region}\\b`).test(l),
  );
  if (start < 0) return { error: `${path} has no "#region ${region}"` };
  const end = lines.findIndex((l, i) => i > start && /^\s*(\/\/|#|\/\*|\{\/\*)\s*#endregion\b/.test(l));
  if (end < 0) return { error: `${path} region ${region} has no #endregion` };
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  return { text: body.map((l) => l.slice(indent)).join("\n") };
}
