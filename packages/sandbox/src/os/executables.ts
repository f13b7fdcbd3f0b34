// Finds the programs the OS boundary runs (bwrap, prlimit, ldd) by absolute path, and the empty
// environment they run with: the sandbox never relies on the caller's PATH alone, and passes no keys.
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";

/** No variables at all (typed as ProcessEnv, which Next's types extend with a required NODE_ENV). */
export const EMPTY_ENV = Object.create(null) as NodeJS.ProcessEnv;

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
