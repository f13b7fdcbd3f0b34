import path from "node:path";
import { findRepoRoot, isMemory } from "./paths.ts";

/** "embedded PGlite (./.data/pglite)": the data folder relative to the repo root, for the UI. */
export function pgliteLabel(dataDir: string): string {
  if (isMemory(dataDir)) return "embedded PGlite (in memory)";
  const base = findRepoRoot() ?? process.cwd();
  const relative = path.relative(base, dataDir);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? dataDir : `./${relative}`;
  return `embedded PGlite (${shown})`;
}

/** "Postgres at db.example.com:5432/app": never the user or password. */
export function postgresLabel(url: string): string {
  try {
    const u = new URL(url);
    const database = u.pathname.replace(/^\//, "");
    return `Postgres at ${u.hostname}:${u.port || "5432"}${database ? `/${database}` : ""}`;
  } catch {
    return "Postgres (unparseable DATABASE_URL)";
  }
}
