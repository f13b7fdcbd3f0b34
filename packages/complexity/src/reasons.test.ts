import { describe, expect, it } from "vitest";
import { topReasons } from "./reasons.ts";

const contributions = [
  { feature: "multiStep", contribution: 0.3, aboveAverage: true },
  { feature: "length", contribution: -0.2, aboveAverage: false },
  { feature: "embedding", contribution: 0.1, aboveAverage: true },
  { feature: "code", contribution: 0.01, aboveAverage: true },
];

describe("topReasons", () => {
  it("names the features that pushed towards the strong model, strongest first", () => {
    expect(topReasons(contributions, true)).toEqual([
      "multi-step arithmetic",
      "topic resembles hard training prompts",
    ]);
  });

  it("names the features that pushed towards the cheap model when it goes cheap", () => {
    expect(topReasons(contributions, false)).toEqual(["short prompt"]);
  });

  it("says so when nothing stands out", () => {
    expect(topReasons([], true)).toEqual(["close to an average request"]);
  });
});
