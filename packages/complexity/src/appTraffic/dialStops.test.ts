import { describe, expect, it } from "vitest";
import { type LabelledScore, rocAuc, stopFigures, thresholdForMissRate } from "./dialStops.ts";

const strong = (score: number): LabelledScore => ({ score, label: "strong" });
const fast = (score: number): LabelledScore => ({ score, label: "fast" });
// 20 strong questions scored 0.40..0.59 and 10 fast ones scored 0.30..0.48.
const questions = [
  ...Array.from({ length: 20 }, (_, i) => strong(0.4 + i / 100)),
  ...Array.from({ length: 10 }, (_, i) => fast(0.3 + (2 * i) / 100)),
];

describe("the dial's stops", () => {
  it("allows only the misses that keep new questions within the target at 90% confidence", () => {
    // Binomial(20, 0.2) >= 2 with probability 0.93, >= 3 with 0.79: the 2nd-lowest strong score.
    const threshold = thresholdForMissRate(questions, 0.2);
    expect(threshold).toBeCloseTo(0.41);
    expect(stopFigures(questions, threshold).missed).toBe(1);
    // At 70% confidence the 3rd-lowest is enough.
    expect(thresholdForMissRate(questions, 0.2, 0.7)).toBeCloseTo(0.42);
  });

  it("misses none of the tune part when the set is too small to promise more", () => {
    const threshold = thresholdForMissRate(questions, 0.05);
    expect(threshold).toBeCloseTo(0.4);
    expect(stopFigures(questions, threshold)).toMatchObject({ missed: 0, recall: 1 });
  });

  it("with 100 strong questions and a 1-in-20 target, allows one miss", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => strong(i / 100));
    expect(thresholdForMissRate(hundred, 0.05)).toBeCloseTo(0.01);
  });

  it("reports the strong share over all questions", () => {
    const figures = stopFigures(questions, 0.45);
    expect(figures.strongShare).toBeCloseTo((15 + 2) / 30);
    expect(figures.recall).toBeCloseTo(15 / 20);
  });

  it("computes the AUC as the chance a strong question outscores a fast one", () => {
    expect(rocAuc([strong(0.9), fast(0.1)])).toBe(1);
    expect(rocAuc([strong(0.5), fast(0.5)])).toBe(0.5);
    expect(rocAuc([strong(0.2), strong(0.8), fast(0.5)])).toBe(0.5);
  });
});
