// Starts the child (inside bubblewrap, or bare in weak mode), feeds it the modules on stdin, and
// enforces the limits the parent owns: the wall clock, the resident set of the whole process tree and
// the size of what the child writes. Returns the outcome computed from the child's events.
import { spawn } from "node:child_process";
import { watchMemory } from "./memoryWatchdog.ts";
import type { LaunchCommand } from "./os/boundary.ts";
import { EMPTY_ENV } from "./os/executables.ts";
import { type ChildOutcome, parseEvents, verdictFromEvents } from "./runEvents.ts";
import { EVENT_MARK } from "./runner/runnerSource.ts";
import type { StopInfo } from "./sandboxTypes.ts";

/** Far above what the runner can write (it caps names, errors, logs and tests); past it, something is wrong. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
/** Node's own resident set before any user code (about 45 MB), on top of the heap limit. */
const RSS_BASELINE_MB = 96;
/** bwrap reports a child killed by signal N as exit 128 + N; RLIMIT_CPU sends SIGXCPU (24). */
const CPU_LIMIT_EXIT = 128 + 24;

export interface ChildLimits {
  timeoutMs: number;
  memoryMb: number;
}

export function runChild(launch: LaunchCommand, stdin: string, limits: ChildLimits): Promise<ChildOutcome> {
  const { timeoutMs, memoryMb } = limits;
  return new Promise((resolve) => {
    const child = spawn(launch.command, launch.args, {
      cwd: "/",
      // An empty environment: no API keys, no NODE_OPTIONS (bwrap also clears its own).
      env: EMPTY_ENV,
      stdio: ["pipe", "pipe", "pipe"],
      ...(launch.uid !== undefined ? { uid: launch.uid, gid: launch.gid } : {}),
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
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.length > MAX_OUTPUT_BYTES)
        kill({ reason: "output_limit", message: `The process wrote more than ${MAX_OUTPUT_BYTES} bytes.` });
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.stdin.on("error", () => {});
    child.stdin.end(stdin);
    child.on("error", (error) =>
      kill({ reason: "crashed", message: `The sandbox did not start: ${error.message}` }),
    );

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
      if (code === CPU_LIMIT_EXIT || signal === "SIGXCPU")
        return resolve({
          tests: [],
          stopped: { reason: "timeout", message: "The process used up its CPU time limit and was killed." },
          logs: [],
        });
      const events = parseEvents(stdout, EVENT_MARK);
      const outcome = events ? verdictFromEvents(events) : null;
      if (outcome && outcome.stopped?.reason !== "crashed") return resolve(outcome);
      const why = outcome?.stopped?.message ?? "The sandbox process ended without a readable report.";
      const detail = stderr.trim().split("\n")[0]?.slice(0, 200);
      resolve({
        tests: [],
        stopped: {
          reason: "crashed",
          message: `${why} (exit ${code ?? signal}${detail ? `: ${detail}` : ""})`,
        },
        logs: [],
      });
    });
  });
}
