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

/**
 * "Postgres at db.example.com:5432/app", or "embedded PGlite served at 127.0.0.1:5433" when the server
 * turned out to be PGlite. Never the user or password.
 */
export function postgresLabel(url: string, options: { servedPglite?: boolean } = {}): string {
  try {
    const u = new URL(url);
    const address = `${u.hostname}:${u.port || "5432"}`;
    if (options.servedPglite) return `embedded PGlite served at ${address}`;
    const database = u.pathname.replace(/^\//, "");
    return `Postgres at ${address}${database ? `/${database}` : ""}`;
  } catch {
    return "Postgres (unparseable DATABASE_URL)";
  }
}
