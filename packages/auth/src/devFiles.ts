// Values dev keeps in the git-ignored data folder (`<repo>/.data`): the session secret and the demo
// account's password. Each is written once; two apps starting together read the same value.
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { findRepoRoot } from "@switchyard/db";

/** `<repo root>/.data`, beside the embedded database's folder; found from the working directory. */
export function defaultAuthDataDir(cwd: string = process.cwd()): string {
  return path.join(findRepoRoot(cwd) ?? cwd, ".data");
}

/** A random URL-safe string of `bytes` random bytes. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * The file's content, creating it with `create()` when missing. The file appears whole or not at all
 * (written aside, then hard-linked into place, which fails if another process got there first).
 */
export async function readOrCreate(file: string, create: () => string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${randomSecret(6)}.tmp`;
  await writeFile(aside, create(), { mode: 0o600 });
  try {
    await link(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(aside, { force: true });
  }
  return readFile(file, "utf8");
}
