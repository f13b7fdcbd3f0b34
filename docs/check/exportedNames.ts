// Every name exported by a TypeScript file of the workspace, for checking that chapters only mention
// functions that exist.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./markdown.ts";

const skip = new Set(["node_modules", ".next", ".turbo", "results", ".data", "storage", ".cache"]);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) yield path;
  }
}

export function exportedNames(): Set<string> {
  const names = new Set<string>();
  for (const top of ["apps", "packages", "bench"]) {
    for (const file of sourceFiles(join(repoRoot, top))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type)\s+([\w$]+)/g,
      ))
        names.add(m[1] ?? "");
      for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]+)\}/g))
        for (const part of (m[1] ?? "").split(","))
          names.add(
            part
              .trim()
              .replace(/^type\s+/, "")
              .split(/\s+as\s+/)
              .pop() ?? "",
          );
    }
  }
  names.delete("");
  return names;
}
