import { seededRandom } from "@switchyard/local-provider/seededRandom";
import { describe, expect, it } from "vitest";
import { kMeans } from "./kMeans.ts";

// Two well-separated blobs of 2-d points.
const random = seededRandom(3);
const blob = (x: number, y: number) =>
  Array.from({ length: 40 }, () => [x + (random() - 0.5) * 0.2, y + (random() - 0.5) * 0.2]);
const points = [...blob(0, 0), ...blob(5, 5)];

describe("kMeans", () => {
  it("finds the centres of separated groups", () => {
    const centres = kMeans(points, 2, { seed: 1 }).sort((a, b) => a[0]! - b[0]!);
    expect(centres[0]![0]).toBeCloseTo(0, 0);
    expect(centres[0]![1]).toBeCloseTo(0, 0);
    expect(centres[1]![0]).toBeCloseTo(5, 0);
    expect(centres[1]![1]).toBeCloseTo(5, 0);
  });

  it("gives the same centres for the same seed", () => {
    expect(kMeans(points, 3, { seed: 9 })).toEqual(kMeans(points, 3, { seed: 9 }));
  });

  it("refuses more centres than points", () => {
    expect(() => kMeans(points.slice(0, 2), 3, { seed: 1 })).toThrow();
  });
});
