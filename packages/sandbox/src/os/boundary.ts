// Decides how the child is started: inside bubblewrap (the OS boundary), or — only when
// SANDBOX_ALLOW_WEAK=1 says so — as a plain Node process with the in-process layers alone. Detection
// and a probe run once per parent process; a refusal is a typed error that says why.
import { execFile } from "node:child_process";
import { realpathSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { sandboxNodeFlags } from "../nodeFlags.ts";
import { SandboxUnavailableError } from "../sandboxErrors.ts";
import {
  type BubblewrapPlan,
  bubblewrapArgs,
  type OsLimits,
  osLimitsFor,
  SANDBOX_UID,
} from "./bubblewrap.ts";
import { EMPTY_ENV, findExecutable } from "./executables.ts";
import { sharedLibraries } from "./sharedLibraries.ts";

export type Boundary =
  | {
      kind: "bubblewrap";
      bwrap: string;
      plan: Omit<BubblewrapPlan, "nodeArgs" | "limits">;
      /** Set when the parent is root: bwrap itself runs as nobody, so even an escape lands unprivileged. */
      runAs: { uid: number; gid: number } | null;
    }
  | { kind: "weak"; node: string; why: string };

type Detection = Boundary | { kind: "missing"; why: string };

export interface LaunchCommand {
  command: string;
  args: string[];
  uid?: number;
  gid?: number;
}

const run = promisify(execFile);
const sandboxEnv = z.object({ SANDBOX_ALLOW_WEAK: z.string().optional() });

/** True when SANDBOX_ALLOW_WEAK=1: run without the OS boundary rather than refuse. */
function weakAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return sandboxEnv.parse(env).SANDBOX_ALLOW_WEAK === "1";
}

export function launchCommand(boundary: Boundary, nodeArgs: string[], limits: OsLimits): LaunchCommand {
  if (boundary.kind === "weak") return { command: boundary.node, args: nodeArgs };
  return {
    command: boundary.bwrap,
    args: bubblewrapArgs({ ...boundary.plan, nodeArgs, limits }),
    ...(boundary.runAs ?? {}),
  };
}

/** Throws SandboxUnavailableError when bubblewrap cannot be used, unless weak mode is allowed. */
export function chooseBoundary(detected: Detection, env = process.env): Boundary {
  if (detected.kind !== "missing") return detected;
  if (weakAllowed(env)) return { kind: "weak", node: realpathSync(process.execPath), why: detected.why };
  throw new SandboxUnavailableError(
    `The sandbox will not run generated code without its OS boundary: ${detected.why}. ` +
      "Install bubblewrap (Debian/Ubuntu: apt-get install -y bubblewrap; `npm test` does it when root), " +
      "or set SANDBOX_ALLOW_WEAK=1 to run on Node's permission model alone, which is not a security boundary.",
  );
}

let detection: Promise<Detection> | null = null;

/** The boundary to use now: detected and probed once, then the weak-mode choice made per call. */
export async function currentBoundary(): Promise<Boundary> {
  detection ??= detectBubblewrap();
  const boundary = chooseBoundary(await detection);
  if (boundary.kind === "weak") warnOnce(boundary.why);
  return boundary;
}

let warned = false;
function warnOnce(why: string) {
  if (warned) return;
  warned = true;
  console.warn(`[sandbox] SANDBOX_ALLOW_WEAK=1: running generated code without an OS boundary (${why}).`);
}

async function detectBubblewrap(): Promise<Detection> {
  if (process.platform !== "linux") return { kind: "missing", why: "bubblewrap needs Linux" };
  const bwrap = findExecutable("bwrap");
  if (!bwrap) return { kind: "missing", why: "bwrap (bubblewrap) is not installed" };
  const prlimit = findExecutable("prlimit");
  if (!prlimit) return { kind: "missing", why: "prlimit (util-linux) is not installed" };
  const node = realpathSync(process.execPath);
  const help = await run(bwrap, ["--help"], { env: EMPTY_ENV, encoding: "utf8" }).then(
    (out) => out.stdout,
    () => "",
  );
  const binds = [node, prlimit, ...(await sharedLibraries(findExecutable("ldd"), [node, prlimit]))];
  const plan = {
    binds,
    prlimit,
    node,
    supports: { disableUserns: help.includes("--disable-userns"), tmpfsSize: help.includes("--size") },
  };
  const isRoot = process.getuid?.() === 0;
  const runAs =
    isRoot && [bwrap, ...binds].every(everyoneCanRead) ? { uid: SANDBOX_UID, gid: SANDBOX_UID } : null;
  const boundary: Boundary = { kind: "bubblewrap", bwrap, plan, runAs };
  const failure = await probe(boundary);
  return failure
    ? { kind: "missing", why: `bubblewrap is installed but cannot start a sandbox here (${failure})` }
    : boundary;
}

/** Runs a trivial program through the real command line; returns what went wrong, or null. */
async function probe(boundary: Boundary): Promise<string | null> {
  const { command, args, uid, gid } = launchCommand(
    boundary,
    [...sandboxNodeFlags(64), "-e", "process.stdout.write('ok')"],
    osLimitsFor(10_000, 64),
  );
  try {
    const out = await run(command, args, {
      env: EMPTY_ENV,
      cwd: "/",
      timeout: 15_000,
      uid,
      gid,
      encoding: "utf8",
    });
    return out.stdout === "ok" ? null : `it printed ${JSON.stringify(out.stdout.slice(0, 100))}`;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return (stderr || (error as Error).message).split("\n")[0]!.slice(0, 300);
  }
}

/** An unprivileged user can reach and read `path` (every folder above it searchable by others). */
function everyoneCanRead(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o004) === 0) return false;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) return false;
      if (dir === "/") return true;
    }
  } catch {
    return false;
  }
}
