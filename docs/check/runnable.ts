// Commands a chapter marks runnable: a ```sh block preceded by `<!-- run -->` runs line by line from
// the repo root and must exit 0. `<!-- run quick: CMD -->` runs CMD instead (a quick mode of a long
// command); `timeout=S` raises the default limit of 120 s.
import type { FencedBlock } from "./markdown.ts";

export interface RunnableBlock {
  block: FencedBlock;
  commands: string[];
  timeoutMs: number;
}

export function runnable(block: FencedBlock): RunnableBlock | null {
  const m = /^run\b(.*)$/.exec(block.directive ?? "");
  if (!m) return null;
  const args = m[1] ?? "";
  const quick = /quick:\s*(.+?)\s*(timeout=\d+)?$/.exec(args)?.[1];
  const timeout = Number(/timeout=(\d+)/.exec(args)?.[1] ?? 120);
  const commands = quick
    ? [quick]
    : block.body
        .split("\n")
        .map((l) => l.replace(/^\$\s+/, "").trim())
        .filter((l) => l && !l.startsWith("#"));
  return { block, commands, timeoutMs: timeout * 1000 };
}
