// The shared libraries a binary loads, so the sandbox can bind exactly those files read-only. Read
// from `ldd`; when it is missing or says nothing useful, the usual library folders are bound instead.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { EMPTY_ENV } from "./executables.ts";

const run = promisify(execFile);

/** Folders bound when ldd cannot list the libraries one by one. */
export const LIBRARY_DIRS = ["/lib", "/lib64", "/usr/lib", "/usr/lib64"];

/** Absolute paths from ldd's output: `libc.so.6 => /lib/.../libc.so.6 (0x…)` and `/lib64/ld-linux….so.2 (0x…)`. */
export function parseLdd(output: string): string[] {
  const paths = new Set<string>();
  for (const match of output.matchAll(/(\/\S+)\s+\(0x[0-9a-f]+\)/g)) paths.add(match[1]!);
  return [...paths];
}

/** The files to bind for `binaries`, or the library folders when ldd is unavailable. */
export async function sharedLibraries(lddPath: string | null, binaries: string[]): Promise<string[]> {
  if (lddPath) {
    try {
      const outputs = await Promise.all(
        binaries.map((b) => run(lddPath, [b], { env: EMPTY_ENV, timeout: 10_000, encoding: "utf8" })),
      );
      const files = outputs.flatMap((o) => parseLdd(o.stdout));
      if (files.length > 0) return [...new Set(files)];
    } catch {}
  }
  return LIBRARY_DIRS.filter((dir) => existsSync(dir));
}
