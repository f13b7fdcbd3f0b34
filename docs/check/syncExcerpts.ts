// Rewrites every `<!-- excerpt: path#region -->` block in the chapters from its source file.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { excerptSource, parseExcerptDirective } from "./excerpts.ts";
import { fencedBlocks, readChapters, repoRoot } from "./markdown.ts";

for (const chapter of readChapters()) {
  const lines = chapter.text.split("\n");
  // Replace from the last block up, so earlier line numbers stay valid.
  for (const block of fencedBlocks(chapter).reverse()) {
    const ref = parseExcerptDirective(block.directive);
    if (!ref) continue;
    const source = excerptSource(ref.path, ref.region);
    if ("error" in source) {
      console.error(`${chapter.file}:${block.line}: ${source.error}`);
      process.exitCode = 1;
      continue;
    }
    const bodyLines = block.body === "" ? 0 : block.body.split("\n").length;
    lines.splice(block.line, bodyLines, ...source.text.split("\n"));
  }
  const next = lines.join("\n");
  if (next !== chapter.text) {
    writeFileSync(join(repoRoot, chapter.file), next);
    console.log(`updated ${chapter.file}`);
  }
}
