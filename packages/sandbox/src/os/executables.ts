// Finds the programs the OS boundary runs (bwrap, prlimit, ldd) by absolute path: the sandbox never
// relies on the caller's PATH alone, and the child starts with an empty environment.
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";

const SYSTEM_DIRS = ["/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin"];

/** The real path of an executable called `name`, or null. */
export function findExecutable(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), ...SYSTEM_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {}
  }
  return null;
}
