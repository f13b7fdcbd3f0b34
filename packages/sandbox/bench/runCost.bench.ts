// What one sandbox run costs: the same small passing spec run N times, one after another, with the
// median and p95 wall time printed; then the bare start of the child with and without the OS boundary
// (bwrap + prlimit around `node -e 0`), to show what the boundary itself adds.
// SANDBOX_BENCH_RUNS sets N (default 30).
import { spawn } from "node:child_process";
import { machineFacts, round, summarize } from "@switchyard/measure";
import { expect, it } from "vitest";
import { runInSandbox } from "../src/index.ts";
import { currentBoundary, type LaunchCommand, launchCommand } from "../src/os/boundary.ts";
import { osLimitsFor } from "../src/os/bubblewrap.ts";

const RUNS = Number(process.env.SANDBOX_BENCH_RUNS ?? 30);

const passingSpec = {
  files: {
    "solution.ts": "export const add = (a: number, b: number) => a + b;",
    "solution.test.ts": `import { add } from "./solution";
      test("adds", () => expect(add(1, 2)).toBe(3));
      test("is commutative", () => expect(add(2, 5)).toEqual(add(5, 2)));`,
  },
  tests: ["solution.test.ts"],
};

async function medianOf(label: string, once: () => Promise<void>) {
  await once(); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  const s = summarize(times);
  console.log(`${label}: median ${round(s.p50, 1)} ms, p95 ${round(s.p95, 1)} ms, min ${round(s.min, 1)} ms`);
}

function start(launch: LaunchCommand) {
  return new Promise<void>((done, fail) => {
    const child = spawn(launch.command, launch.args, { env: {}, cwd: "/", uid: launch.uid, gid: launch.gid });
    child.on("error", fail).on("close", (code) => (code === 0 ? done() : fail(new Error(`exit ${code}`))));
  });
}

it(`the sandbox's cost, ${RUNS} runs each`, async () => {
  const m = machineFacts();
  console.log(`Node ${m.node}, ${m.cores} cores, load ${m.loadAverageAtStart} at start`);
  await medianOf("runInSandbox, a passing spec of 2 tests", async () => {
    expect((await runInSandbox(passingSpec)).ok).toBe(true);
  });
  const boundary = await currentBoundary();
  const limits = osLimitsFor(10_000, 96);
  await medianOf("node -e 0, bare", () => start({ command: process.execPath, args: ["-e", "0"] }));
  await medianOf(`node -e 0 inside the boundary (${boundary.kind})`, () =>
    start(launchCommand(boundary, ["-e", "0"], limits)),
  );
});
