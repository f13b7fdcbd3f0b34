import { describe, expect, it } from "vitest";
import { routerFigures } from "./routerCurve.ts";

// 10 prompts: the weak model is right on 6, the strong on 8; prompts 0 and 1 need the strong model.
const graded = Array.from({ length: 10 }, (_, i) => ({
  weakCorrect: i >= 4,
  strongCorrect: i < 2 || i >= 4,
}));

describe("routerFigures", () => {
  it("needs only the prompts that gain when the ranking is perfect", () => {
    const figures = routerFigures(graded.map((g, i) => ({ ...g, score: i < 2 ? 1 : 0 })));
    expect(figures.weakAccuracy).toBeCloseTo(0.6);
    expect(figures.strongAccuracy).toBeCloseTo(0.8);
    // 95% of 0.8 is 0.76: sending the two gainers strong reaches 0.8.
    expect(figures.strongShareAtTarget).toBeCloseTo(0.2);
    expect(figures.oracleStrongShareAtTarget).toBeCloseTo(0.2);
    expect(figures.apgr).toBeGreaterThan(0.8);
  });

  it("needs almost everything when the ranking is backwards", () => {
    const figures = routerFigures(graded.map((g, i) => ({ ...g, score: i < 2 ? 0 : 1 })));
    expect(figures.strongShareAtTarget).toBeCloseTo(1);
    expect(figures.randomStrongShareAtTarget).toBeCloseTo(0.8);
    expect(figures.apgr).toBeLessThan(0.5);
  });
});
