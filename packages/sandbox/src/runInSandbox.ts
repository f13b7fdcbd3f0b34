// Runs code and its tests in a separate Node process. Layers, outermost first:
//  - the process: Node's permission model with no --allow-* flag (no file reads or writes at all, no
//    child processes, no workers, no addons), code generation from strings off, an empty environment
//    (no keys), a V8 heap limit, an RSS watchdog and a wall-clock kill;
//  - its host realm: every socket API replaced by a function that refuses (the permission model of
//    Node 20 does not cover the network);
//  - a fresh vm context, where user code runs with no require, process or fetch of the host: only a
//    require() that refuses fs/net/child_process with a reason, and a small vitest-like harness.
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { watchMemory } from "./memoryWatchdog.ts";
import { sandboxNodeFlags } from "./nodeFlags.ts";
import { RESULT_MARK, RUNNER_SOURCE } from "./runner/runnerSource.ts";
import {
  runnerReport,
  type SandboxInput,
  type SandboxResult,
  type StopInfo,
  sandboxInput,
} from "./sandboxTypes.ts";
import { transpileForSandbox } from "./transpile.ts";

const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;
/** Node's own resident set before any user code (about 45 MB), on top of the heap limit. */
const RSS_BASELINE_MB = 96;

export async function runInSandbox(rawInput: SandboxInput): Promise<SandboxResult> {
  const input = sandboxInput.parse(rawInput);
  const started = Date.now();
  const done = (partial: Omit<SandboxResult, "ok" | "durationMs">): SandboxResult => ({
    ...partial,
    ok: !partial.stopped && partial.tests.length > 0 && partial.tests.every((t) => t.status === "passed"),
    durationMs: Date.now() - started,
  });

  const modules: { name: string; code: string }[] = [];
  const compileErrors: string[] = [];
  for (const [name, source] of Object.entries(input.files)) {
    const { code, errors } = transpileForSandbox(name, source);
    compileErrors.push(...errors);
    modules.push({ name, code });
  }
  if (compileErrors.length > 0)
    return done({
      tests: [],
      stopped: { reason: "compile_error", message: compileErrors.slice(0, 10).join("\n") },
      logs: [],
    });
  const missing = input.tests.filter((t) => !(t in input.files));
  if (missing.length > 0)
    return done({
      tests: [],
      stopped: { reason: "compile_error", message: `No such test file: ${missing.join(", ")}` },
      logs: [],
    });

  const { timeoutMs, testTimeoutMs, memoryMb } = input.limits;
  const outcome = await runChild(
    JSON.stringify({ modules, tests: input.tests, testTimeoutMs }),
    timeoutMs,
    memoryMb,
  );
  return done(outcome);
}

type ChildOutcome = Omit<SandboxResult, "ok" | "durationMs">;

function runChild(stdin: string, timeoutMs: number, memoryMb: number): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...sandboxNodeFlags(memoryMb), "-e", RUNNER_SOURCE], {
      cwd: tmpdir(),
      // An empty environment: no API keys, no NODE_OPTIONS.
      env: Object.create(null) as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let killedFor: StopInfo | null = null;
    const kill = (stop: StopInfo) => {
      if (killedFor) return;
      killedFor = stop;
      child.kill("SIGKILL");
    };
    const wall = setTimeout(
      () => kill({ reason: "timeout", message: `The run took longer than ${timeoutMs} ms and was killed.` }),
      timeoutMs,
    );
    const stopWatch = child.pid
      ? watchMemory(child.pid, memoryMb + RSS_BASELINE_MB, (rss) =>
          kill({ reason: "memory_limit", message: `The process used ${rss} MB and was killed.` }),
        )
      : () => {};

    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      if (stdout.length < MAX_OUTPUT_BYTES) stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      if (stderr.length < 64 * 1024) stderr += c;
    });
    child.stdin.on("error", () => {});
    child.stdin.end(stdin);

    child.on("close", (code, signal) => {
      clearTimeout(wall);
      stopWatch();
      if (killedFor) return resolve({ tests: [], stopped: killedFor, logs: [] });
      if (/heap out of memory|allocation failed/i.test(stderr))
        return resolve({
          tests: [],
          stopped: { reason: "memory_limit", message: `The code went over the ${memoryMb} MB heap limit.` },
          logs: [],
        });
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
      const parsed = line ? runnerReport.safeParse(JSON.parse(line.slice(RESULT_MARK.length))) : null;
      if (parsed?.success) return resolve(parsed.data);
      resolve({
        tests: [],
        stopped: {
          reason: "crashed",
          message: `The sandbox process ended without a report (exit ${code ?? signal}).`,
        },
        logs: [],
      });
    });
  });
}
