// Limits past the limiter's 60 million a minute are counted in units of several.
import { expect, it } from "vitest";
import { inUnits } from "./keyRateLimits.ts";

it("keeps small limits as they are and counts large ones in units, rounding the cost up", () => {
  expect(inUnits(100_000, 250)).toEqual({ limit: 100_000, cost: 250, unit: 1 });
  expect(inUnits(60_000_000, 7)).toEqual({ limit: 60_000_000, cost: 7, unit: 1 });
  expect(inUnits(100_000_000, 7)).toEqual({ limit: 50_000_000, cost: 4, unit: 2 });
  expect(inUnits(1_000_000_000, 1)).toEqual({ limit: 58_823_529, cost: 1, unit: 17 });
});
