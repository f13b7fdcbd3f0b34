import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appDialStop, loadAppDial } from "./appDial.ts";
import { appTrafficFile, isHeldOut, loadAppTraffic, sha256Hex } from "./appTraffic/appTrafficSet.ts";
import { createComplexityClassifier } from "./classifier.ts";
import { ComplexityError } from "./errors.ts";

const ask = (content: string) => ({ messages: [{ role: "user" as const, content }] });
const WEIGHTS_FILE = new URL("../complexity.weights.json", import.meta.url).pathname;

describe("the todo app's dial", () => {
  it("has named stops from cheapest to best, and its default is one of them", () => {
    const dial = loadAppDial("todo");
    expect(dial.stops.map((s) => s.name)).toEqual(["cheapest", "balanced", "best"]);
    const thresholds = dial.stops.map((s) => s.threshold);
    expect([...thresholds].sort((a, b) => b - a)).toEqual(thresholds);
    expect(appDialStop("todo").name).toBe(dial.defaultStop);
  });

  it("was calibrated on the committed traffic set and weights (recalibrate after changing either)", () => {
    const { calibration } = loadAppDial("todo");
    expect(calibration.setSha256).toBe(sha256Hex(readFileSync(appTrafficFile("todo"))));
    expect(calibration.weightsSha256).toBe(sha256Hex(readFileSync(WEIGHTS_FILE)));
    const tune = loadAppTraffic("todo").filter((q) => !isHeldOut(q.prompt));
    expect(calibration.tuneQuestions).toBe(tune.length);
  });

  it("routes at the default stop when given only the app, and at a named stop when asked", async () => {
    const verdict = await createComplexityClassifier({ app: "todo" }).classify(ask("hello"));
    expect(verdict.threshold).toBe(appDialStop("todo").threshold);
    const best = await createComplexityClassifier({ app: "todo", stop: "best" }).classify(ask("hello"));
    expect(best.threshold).toBe(appDialStop("todo", "best").threshold);
  });

  it("sends the issue's hard todo questions strong at the default stop", async () => {
    const classifier = createComplexityClassifier({ app: "todo" });
    for (const question of [
      "Prove that the square root of 2 is irrational.",
      "Derive the expected number of cereal boxes I need to buy to collect all 6 different toys (coupon collector), and explain each step.",
    ]) {
      const { score, threshold } = await classifier.classify(ask(question));
      expect(score, question).toBeGreaterThanOrEqual(threshold);
    }
  });

  it("rejects an unknown app or stop, a stop without an app, and a target with an app", () => {
    expect(() => createComplexityClassifier({ app: "nope" })).toThrow(ComplexityError);
    expect(() => createComplexityClassifier({ app: "todo", stop: "nope" })).toThrow(/no dial stop/);
    expect(() => createComplexityClassifier({ stop: "best" })).toThrow(ComplexityError);
    expect(() => createComplexityClassifier({ app: "todo", target: { quality: 0.9 } })).toThrow(
      ComplexityError,
    );
  });
});

describe("the todo app's traffic set", () => {
  it("has at least 300 distinct questions of both labels, about a third held out", () => {
    const rows = loadAppTraffic("todo");
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((q) => q.prompt)).size).toBe(rows.length);
    expect(new Set(rows.map((q) => q.label))).toEqual(new Set(["fast", "strong"]));
    const heldOut = rows.filter((q) => isHeldOut(q.prompt)).length / rows.length;
    expect(heldOut).toBeGreaterThan(0.25);
    expect(heldOut).toBeLessThan(0.4);
  });
});
