// What one sandbox run costs: the same small passing spec run N times, one after another, with the
// median and p95 wall time printed. SANDBOX_BENCH_RUNS sets N (default 30).
import { machineFacts, round, summarize } from "@switchyard/measure";
import { expect, it } from "vitest";
import { runInSandbox } from "../src/index.ts";

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

it(`runInSandbox on a passing spec, ${RUNS} runs`, async () => {
  expect((await runInSandbox(passingSpec)).ok).toBe(true); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = await runInSandbox(passingSpec);
    times.push(performance.now() - started);
    expect(result.ok).toBe(true);
  }
  const s = summarize(times);
  const m = machineFacts();
  console.log(
    `runInSandbox, ${RUNS} runs on Node ${m.node}, ${m.cores} cores (load ${m.loadAverageAtStart}): ` +
      `median ${round(s.p50, 1)} ms, p95 ${round(s.p95, 1)} ms, min ${round(s.min, 1)} ms`,
  );
});
