// Nearest-rank percentiles and report rounding: the definitions every benchmark's figures rest on.
import { describe, expect, it } from "vitest";
import { percentile, percentileSorted, round, summarize } from "./percentiles.ts";

describe("percentileSorted", () => {
  it("takes the value at rank ceil(p/100 × n), never interpolating", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileSorted(ten, 50)).toBe(5);
    expect(percentileSorted(ten, 51)).toBe(6);
    expect(percentileSorted(ten, 99)).toBe(10);
    expect(percentileSorted(ten, 0)).toBe(1);
    expect(percentileSorted(ten, 100)).toBe(10);
  });

  it("is NaN for no values", () => {
    expect(percentileSorted([], 50)).toBeNaN();
  });
});

describe("percentile", () => {
  it("sorts a copy numerically and leaves the input alone", () => {
    const values = [10, 9, 100, 1];
    expect(percentile(values, 75)).toBe(10);
    expect(values).toEqual([10, 9, 100, 1]);
  });
});

describe("summarize", () => {
  it("gives count, min, mean, p50, p95, p99 and max", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(values)).toEqual({
      count: 100,
      min: 1,
      mean: 50.5,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
    });
  });

  it("is NaN but for the count when empty", () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect([s.min, s.mean, s.p50, s.max].every(Number.isNaN)).toBe(true);
  });
});

describe("round", () => {
  it("keeps 3 decimals below 10 and 1 above, unless told", () => {
    expect(round(1.23456)).toBe(1.235);
    expect(round(-1.23456)).toBe(-1.235);
    expect(round(1234.567)).toBe(1234.6);
    expect(round(1234.567, 0)).toBe(1235);
  });

  it("passes non-finite values through", () => {
    expect(round(Number.NaN)).toBeNaN();
    expect(round(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
