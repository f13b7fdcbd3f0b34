// Code under test that tries to turn a failing test into a passing one. The solution file rewrites an
// intrinsic, the harness or the runner's handle when it loads; the spec beside it has one right and one
// wrong expectation. The wrong one must be reported failed, whatever the solution did.
import { describe, expect, it } from "vitest";
import { runInSandbox } from "./runInSandbox.ts";

const FORGED_REPORT = `'{"results":[{"status":"passed"},{"status":"passed"}],"violations":[],"logs":[]}'`;

/**
 * [what the solution does, the wrong test's body, whether the rewrite itself is refused (the built-in is
 * locked, so loading the solution throws and the spec file fails to load)]. Every body fails on an
 * honest harness.
 */
const ATTACKS: Record<string, [pollution: string, wrongBody: string, refused?: "refused"]> = {
  "Object.is always says equal": [`Object.is = () => true;`, `expect(add(1, 2)).toBe(4)`],
  "JSON.stringify forges the report": [
    `JSON.stringify = () => ${FORGED_REPORT};`,
    `expect(add(1, 2)).toBe(4)`,
  ],
  "Object.prototype.toJSON forges the report": [
    `(Object.prototype as any).toJSON = function () { return JSON.parse(${FORGED_REPORT}); };`,
    `expect(add(1, 2)).toBe(4)`,
  ],
  "Array.prototype.forEach swallows the assertion's error": [
    `const forEach = Array.prototype.forEach;
     Array.prototype.forEach = function (this: any, fn: any) { try { forEach.call(this, fn); } catch {} };`,
    `[1, 2].forEach((n) => expect(add(n, n)).toBe(0))`,
  ],
  "the array iterator makes a spread throw, so toThrow passes": [
    `Array.prototype[Symbol.iterator] = function () { throw new Error("no"); };`,
    `expect(() => add(...[1, 2])).toThrow()`,
    "refused",
  ],
  "the array iterator's next makes a spread throw": [
    `Object.getPrototypeOf([][Symbol.iterator]()).next = () => { throw new Error("no"); };`,
    `expect(() => add(...[1, 2])).toThrow()`,
    "refused",
  ],
  "an unawaited assertion fails after its test returned": [
    ``,
    `(async () => { await null; expect(add(1, 2)).toBe(4); })()`,
  ],
  "Object.keys hides every key": [
    `Object.keys = () => [];`,
    `expect({ sum: add(1, 2) }).toEqual({ sum: 4 })`,
  ],
  "Object.getPrototypeOf and hasOwnProperty lie": [
    `Object.getPrototypeOf = () => null; Object.prototype.hasOwnProperty = () => true;`,
    `expect([add(1, 2)]).toStrictEqual([4])`,
  ],
  "Array.prototype.indexOf finds anything": [
    `Array.prototype.indexOf = () => 0;`,
    `expect([add(1, 2)]).toContain(4)`,
  ],
  "String.prototype.indexOf finds anything": [
    `String.prototype.indexOf = () => 0;`,
    `expect(String(add(1, 2))).toContain("4")`,
  ],
  "RegExp.prototype.exec matches anything": [
    `RegExp.prototype.exec = function () { return [""] as any; };`,
    `expect(String(add(1, 2))).toMatch(/4/)`,
  ],
  "Number.isNaN says yes": [`Number.isNaN = () => true;`, `expect(add(1, 2)).toBeNaN()`],
  "Math.abs says zero": [`Math.abs = () => 0;`, `expect(add(1, 2)).toBeCloseTo(4)`],
  "Promise.prototype.then settles at once": [
    `Promise.prototype.then = function (this: any, ok: any) { ok(); return this; } as any;`,
    `(async () => { await null; expect(add(1, 2)).toBe(4); })()`,
  ],
  "Function.prototype.call and apply do nothing": [
    `Function.prototype.call = function () {} as any; Function.prototype.apply = function () {} as any;`,
    `expect(add(1, 2)).toBe(4)`,
  ],
  "Reflect.apply does nothing": [`Reflect.apply = () => undefined;`, `expect(add(1, 2)).toBe(4)`],
  "Error is replaced by a constructor that builds nothing": [
    `(globalThis as any).Error = function () {};`,
    `expect(add(1, 2)).toBe(4)`,
  ],
  "the harness module's expect is replaced": [
    `(require("vitest") as any).expect = () => ({ toBe() {} });`,
    `require("vitest").expect(add(1, 2)).toBe(4)`,
    "refused",
  ],
  "the global expect is replaced": [
    `try { (globalThis as any).expect = () => ({ toBe() {} }); } catch {}`,
    `expect(add(1, 2)).toBe(4)`,
  ],
  "the runner's handle is rewritten": [
    `const h = (globalThis as any).__sandbox;
     if (h) { h.report = () => ${FORGED_REPORT}; h.run = () => undefined; }`,
    `expect(add(1, 2)).toBe(4)`,
  ],
  "an index setter on Array.prototype drops stored results": [
    `for (const i of ["0", "1", "2"]) Object.defineProperty(Array.prototype, i, { set() {}, configurable: true });`,
    `expect(add(1, 2)).toBe(4)`,
  ],
};

function spec(wrongBody: string) {
  return `import { add } from "./solution";
describe("spec", () => {
  test("right", () => expect(add(1, 2)).toBe(3));
  test("wrong", async () => { ${wrongBody}; });
});`;
}

describe("a failing test is never reported passed", () => {
  it.each(Object.entries(ATTACKS))("%s", async (_name, [pollution, wrongBody, refused]) => {
    const result = await runInSandbox({
      files: {
        "solution.ts": `${pollution}\nexport function add(a: number, b: number) { return a + b; }`,
        "spec.test.ts": spec(wrongBody),
      },
      tests: ["spec.test.ts"],
      limits: { timeoutMs: 5_000, testTimeoutMs: 1_000 },
    });
    expect(result.ok).toBe(false);
    const statuses = Object.fromEntries(result.tests.map((t) => [t.name, t.status]));
    if (refused) expect(statuses).toEqual({ "load spec.test.ts": "failed" });
    else expect(statuses).toMatchObject({ "spec > right": "passed", "spec > wrong": "failed" });
  });

  it("a test that registers after the harness's arrays were tampered with still runs and fails", async () => {
    const result = await runInSandbox({
      files: {
        "first.test.ts": `test("passes", () => expect(1).toBe(1));`,
        "solution.ts": `Array.prototype.push = function () { return 0; };
          Array.prototype.concat = function () { return []; } as any;
          export const add = (a: number, b: number) => a + b;`,
        "spec.test.ts": spec(`expect(add(1, 2)).toBe(4)`),
      },
      tests: ["first.test.ts", "spec.test.ts"],
    });
    expect(result.ok).toBe(false);
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ["passes", "passed"],
      ["spec > right", "passed"],
      ["spec > wrong", "failed"],
    ]);
  });
});
