// Runs code and its tests in a separate Node process. Layers, outermost first:
//  - the OS: bubblewrap (namespaces: no network, no view of the machine's files, its own PIDs, no
//    environment) and kernel limits from prlimit (processes, CPU, memory, files); without bwrap the
//    sandbox refuses to run unless SANDBOX_ALLOW_WEAK=1 (see os/boundary.ts);
//  - the process: Node's permission model with no --allow-* flag (no file reads or writes at all, no
//    child processes, no workers, no addons), code generation from strings off, a V8 heap limit, an
//    RSS watchdog and a wall-clock kill;
//  - its host realm: every socket API replaced by a function that refuses;
//  - a fresh vm context, where user code runs with no require, process or fetch of the host: only a
//    require() that refuses fs/net/child_process with a reason, and a small vitest-like harness built
//    from intrinsics captured before the code runs. The parent computes each verdict from raw events.
import { type ChildLimits, runChild } from "./childRun.ts";
import { sandboxNodeFlags } from "./nodeFlags.ts";
import { currentBoundary, launchCommand } from "./os/boundary.ts";
import { osLimitsFor } from "./os/bubblewrap.ts";
import { RUNNER_SOURCE } from "./runner/runnerSource.ts";
import { type SandboxInput, type SandboxResult, sandboxInput } from "./sandboxTypes.ts";
import { transpileForSandbox } from "./transpile.ts";

/**
 * Runs `input.tests` against `input.files` in the sandbox. Throws SandboxUnavailableError (code
 * `sandbox_unavailable`) when bubblewrap is missing or unusable and SANDBOX_ALLOW_WEAK is not 1.
 */
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
  const limits: ChildLimits = { timeoutMs, memoryMb };
  const launch = launchCommand(
    await currentBoundary(),
    [...sandboxNodeFlags(memoryMb), "-e", RUNNER_SOURCE],
    osLimitsFor(timeoutMs, memoryMb),
  );
  const stdin = JSON.stringify({ modules, tests: input.tests, testTimeoutMs });
  return done(await runChild(launch, stdin, limits));
}
