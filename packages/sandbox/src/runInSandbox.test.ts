// runInSandbox end to end: the results of each test, and each reason the sandbox stops code.
import { describe, expect, it } from "vitest";
import { runInSandbox } from "./runInSandbox.ts";
import { hostServerForSuite } from "./testing/hostServer.ts";

const solution = `export function add(a: number, b: number): number { return a + b; }`;
const limits = { timeoutMs: 5_000, testTimeoutMs: 500, memoryMb: 64 };

function run(testSource: string, extra: Partial<typeof limits> = {}) {
  return runInSandbox({
    files: { "solution.ts": solution, "solution.test.ts": testSource },
    tests: ["solution.test.ts"],
    limits: { ...limits, ...extra },
  });
}

describe("results", () => {
  it("reports each test of transpiled TypeScript, with the failing assertion", async () => {
    const result = await run(`
      import { describe, expect, test } from "vitest";
      import { add } from "./solution";
      describe("add", () => {
        test("adds", () => expect(add(1, 2)).toBe(3));
        test("is wrong on purpose", () => expect(add(1, 2)).toEqual(4));
        test.each([[1, 1, 2], [2, 3, 5]])("add(%i, %i)", (a, b, sum) => expect(add(a, b)).toBe(sum));
        test("async", async () => expect(await Promise.resolve(add(0, 0))).toBe(0));
      });`);
    expect(result.stopped).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ["add > adds", "passed"],
      ["add > is wrong on purpose", "failed"],
      ["add > add(1, 1)", "passed"],
      ["add > add(2, 3)", "passed"],
      ["add > async", "passed"],
    ]);
    expect(result.tests[1]?.error).toBe("AssertionError: expected 3 to equal 4");
  });

  it("passes when every test passes and keeps console output", async () => {
    const result = await run(`
      import assert from "node:assert";
      import { add } from "./solution";
      test("adds", () => { console.log("sum", add(2, 2)); assert.strictEqual(add(2, 2), 4); });`);
    expect(result.ok).toBe(true);
    expect(result.logs).toEqual(["sum 4"]);
  });

  it("reports a syntax error as compile_error without starting a process", async () => {
    const result = await run(`test("x", () => { expect(1).toBe(1) ;`);
    expect(result.stopped?.reason).toBe("compile_error");
    expect(result.stopped?.message).toMatch(/solution\.test\.ts:1:\d+/);
  });
});

describe("forbidden actions", () => {
  const host = hostServerForSuite();

  it("stops a read of /etc/passwd with fs_denied", async () => {
    const result = await run(`
      test("reads", () => { const fs = require("fs"); return fs.readFileSync("/etc/passwd", "utf8"); });`);
    expect(result.stopped?.reason).toBe("fs_denied");
    expect(result.tests[0]?.status).toBe("failed");
    expect(result.logs).toEqual([]);
  });

  it("stops an imported fs module even when the code catches the error", async () => {
    const result = await run(`
      let text = "";
      try { text = require("node:fs/promises").readFile("/etc/passwd"); } catch {}
      test("reads", () => expect(text).toBe(""));`);
    expect(result.stopped?.reason).toBe("fs_denied");
    expect(result.ok).toBe(false);
  });

  it("stops a socket and fetch with network_denied, and nothing reaches the server", async () => {
    const socket = await run(`
      import net from "node:net";
      test("connects", () => new Promise((resolve, reject) => {
        net.connect(${host.port}, "127.0.0.1").on("data", resolve).on("error", reject);
      }));`);
    const fetched = await run(
      `test("fetches", async () => { await fetch("http://127.0.0.1:${host.port}/"); });`,
    );
    expect(socket.stopped?.reason).toBe("network_denied");
    expect(fetched.stopped?.reason).toBe("network_denied");
    expect(host.connections).toBe(0);
  });

  it("stops a child process with spawn_denied", async () => {
    const result = await run(`test("spawns", () => require("child_process").execSync("id"));`);
    expect(result.stopped?.reason).toBe("spawn_denied");
  });

  it("stops a loop that never ends with timeout", async () => {
    const result = await run(`test("spins", () => { while (true) {} });`);
    expect(result.stopped?.reason).toBe("timeout");
    expect(result.tests[0]).toMatchObject({ name: "spins", status: "failed", error: "timed out" });
  });

  it("kills a process that spins outside any test's reach with timeout", async () => {
    const result = await run(`test("spins later", async () => { await null; while (true) {} });`, {
      timeoutMs: 1_500,
    });
    expect(result.stopped?.reason).toBe("timeout");
    expect(result.stopped?.message).toMatch(/killed/);
  });

  it("stops unbounded heap allocation with memory_limit", async () => {
    const result = await run(
      `test("hoards", () => { const a = []; while (true) a.push(new Array(1e6).fill(1)); });`,
      { testTimeoutMs: 8_000, timeoutMs: 10_000 },
    );
    expect(result.stopped?.reason).toBe("memory_limit");
  });

  it("stops unbounded buffer allocation (outside the V8 heap) with memory_limit", async () => {
    const result = await run(
      `test("hoards", () => { const a = []; while (true) a.push(new Uint8Array(4e7).fill(1)); });`,
    );
    expect(result.stopped?.reason).toBe("memory_limit");
  });

  it("gives code no process, environment or host Function to climb out through", async () => {
    const result = await run(`
      test("no process", () => expect(typeof (globalThis as any).process).toBe("undefined"));
      test("no escape", () => {
        const F = (globalThis as any).constructor.constructor;
        expect(() => F("return process")()).toThrow("Code generation from strings disallowed");
      });
      test("no host require", () => expect(() => require("os")).toThrow("Cannot find module"));`);
    expect(result.tests.map((t) => t.status)).toEqual(["passed", "passed", "passed"]);
    expect(result.ok).toBe(true);
  });
});
