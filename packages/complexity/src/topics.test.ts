import { describe, expect, it } from "vitest";
import { topicMemberships, unitNormalised } from "./topics.ts";

describe("topicMemberships", () => {
  const centroids = [
    [1, 0],
    [0, 1],
  ];

  it("gives most weight to the nearest centre and sums to 1", () => {
    const memberships = topicMemberships(unitNormalised([3, 0.3]), centroids, 0.05);
    expect(memberships[0]).toBeGreaterThan(0.99);
    expect(memberships[0]! + memberships[1]!).toBeCloseTo(1, 12);
  });

  it("splits evenly between equidistant centres", () => {
    const memberships = topicMemberships(unitNormalised([2, 2]), centroids, 0.05);
    expect(memberships[0]).toBeCloseTo(0.5, 12);
  });

  it("leaves a zero vector at zero instead of dividing by zero", () => {
    expect(unitNormalised([0, 0])).toEqual([0, 0]);
  });
});
