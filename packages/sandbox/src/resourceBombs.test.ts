// Code under test that tries to exhaust the sandbox instead of leaving it: loops that never end, memory
// bombs and output bombs. Each is stopped or bounded, the run always ends, and no failing test passes.
// (Fork bombs: escapes.test.ts for the vm layer, os/osBoundary.test.ts for RLIMIT_NPROC.)
import { describe, expect, it } from "vitest";
import { runInSandbox } from "./runInSandbox.ts";

function run(files: Record<string, string>, limits = {}) {
  return runInSandbox({
    files,
    tests: Object.keys(files).filter((f) => f.endsWith(".test.ts")),
    limits: { timeoutMs: 5_000, testTimeoutMs: 500, memoryMb: 64, ...limits },
  });
}

describe("loops that never end", () => {
  it.each([
    ["at load time", `while (true) {}\ntest("never runs", () => {});`, /Loading bomb\.test\.ts took longer/],
    [
      "in a getter the harness reads",
      `test("t", () => { throw { get message() { for (;;) {} } }; });`,
      /ran longer/,
    ],
    [
      "in a test's sort comparator",
      `test("t", () => { [3, 1, 2].sort(() => { for (;;) {} }); });`,
      /ran longer/,
    ],
  ])("%s: stopped with timeout", async (_where, source, message) => {
    const result = await run({ "bomb.test.ts": source });
    expect(result.stopped).toMatchObject({ reason: "timeout", message: expect.stringMatching(message) });
    expect(result.ok).toBe(false);
  });

  it("in microtasks that never yield: the process is killed at the run's time limit", async () => {
    const result = await run(
      { "bomb.test.ts": `test("t", async () => { for (;;) await null; });` },
      { timeoutMs: 1_500 },
    );
    expect(result.stopped).toMatchObject({ reason: "timeout", message: expect.stringMatching(/killed/) });
    expect(result.ok).toBe(false);
  });

  it("a promise that never settles fails its test at the test's time limit", async () => {
    const result = await run({ "bomb.test.ts": `test("waits", () => new Promise(() => {}));` });
    expect(result.stopped?.reason).toBe("timeout");
    expect(result.tests).toEqual([
      expect.objectContaining({ name: "waits", status: "failed", error: "timed out" }),
    ]);
  });

  it("deep recursion is an ordinary failure", async () => {
    const result = await run({
      "bomb.test.ts": `const f = (n: number): number => f(n + 1) + 1; test("t", () => f(0));`,
    });
    expect(result.stopped).toBeNull();
    expect(result.tests[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/call stack/) });
  });
});

describe("memory bombs", () => {
  it.each([
    [
      "a string that doubles",
      `let s = "x"; const keep: string[] = []; for (;;) { s += s; keep.push(s + "!"); }`,
    ],
    [
      "a Map that grows",
      `const m = new Map(); for (let i = 0; ; i++) m.set(i, { i, pad: new Array(64).fill(i) });`,
    ],
    [
      "typed arrays outside the heap",
      `const a: Uint8Array[] = []; for (;;) a.push(new Uint8Array(32 << 20).fill(7));`,
    ],
  ])("%s: stopped with memory_limit, or fails when V8 refuses the allocation", async (_what, body) => {
    const result = await run(
      { "bomb.test.ts": `test("hoards", () => { ${body} });` },
      { testTimeoutMs: 4_000 },
    );
    expect(result.ok).toBe(false);
    if (result.stopped) expect(result.stopped.reason).toBe("memory_limit");
    else
      expect(result.tests[0]).toMatchObject({
        status: "failed",
        error: expect.stringMatching(/RangeError|Invalid/),
      });
  });
});

describe("output bombs", () => {
  it("a million console lines: 200 are kept, each at most 2,000 characters, and the verdict is the tests'", async () => {
    const result = await run({
      "bomb.test.ts": `test("floods", () => { for (let i = 0; i < 1e6; i++) console.log("x".repeat(5000)); expect(1).toBe(2); });`,
    });
    expect(result.logs).toHaveLength(200);
    expect(Math.max(...result.logs.map((l) => l.length))).toBe(2000);
    expect(result.tests[0]).toMatchObject({ status: "failed" });
    expect(result.ok).toBe(false);
  });

  it("a huge test name and a huge error message are cut", async () => {
    const result = await run({
      "bomb.test.ts": `test("n".repeat(1e6), () => { throw new Error("e".repeat(1e7)); });`,
    });
    expect(result.tests[0]!.name.length).toBeLessThanOrEqual(300);
    expect(result.tests[0]!.error!.length).toBeLessThanOrEqual(1000);
    expect(result.ok).toBe(false);
  });

  it("a hundred thousand tests: the first thousand run, and the cut is a failure, not a pass", async () => {
    const result = await run(
      { "bomb.test.ts": `for (let i = 0; i < 1e5; i++) test("t" + i, () => {});` },
      { timeoutMs: 20_000 },
    );
    expect(result.tests.filter((t) => t.status === "passed")).toHaveLength(1000);
    expect(result.tests.find((t) => t.name === "too many tests")).toMatchObject({ status: "failed" });
    expect(result.ok).toBe(false);
  });
});
