import { existsSync } from "node:fs";
import path from "node:path";
import { DbConfigError } from "./env.ts";

/**
 * Paths are found from the working directory, not from `import.meta.url`: Next bundles this package,
 * and a bundled module's URL points into `.next/`, not at the source tree.
 */
export function findRepoRoot(start: string = process.cwd()): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `SWITCHYARD_MIGRATIONS_DIR`, else `<repo root>/packages/db/drizzle`, else `./drizzle`. */
export function defaultMigrationsFolder(envValue?: string, cwd: string = process.cwd()): string {
  if (envValue) return path.resolve(cwd, envValue);
  const root = findRepoRoot(cwd);
  const candidates = [root && path.join(root, "packages", "db", "drizzle"), path.join(cwd, "drizzle")].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(path.join(p, "meta", "_journal.json")));
  if (!found) {
    throw new DbConfigError(
      `migrations folder not found (looked in ${candidates.join(", ")}); set SWITCHYARD_MIGRATIONS_DIR`,
    );
  }
  return found;
}

/** `SWITCHYARD_DATA_DIR`, else `<repo root>/.data/pglite` (git-ignored). */
export function defaultDataDir(envValue?: string, cwd: string = process.cwd()): string {
  if (envValue) return isMemory(envValue) ? envValue : path.resolve(cwd, envValue);
  return path.join(findRepoRoot(cwd) ?? cwd, ".data", "pglite");
}

export function isMemory(dataDir: string): boolean {
  return dataDir.startsWith("memory://");
}
