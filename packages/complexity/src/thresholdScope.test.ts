// atThreshold(): a request's own threshold reaches the classifier through any awaits, and only there.
import { describe, expect, it } from "vitest";
import { createComplexityClassifier } from "./classifier.ts";
import { atThreshold, scopedThreshold } from "./thresholdScope.ts";

const ask = (content: string) => ({ messages: [{ role: "user" as const, content }] });
const zeros = async () => new Array<number>(512).fill(0);

describe("atThreshold", () => {
  it("gives classifications started inside the scope its threshold, and the configured one outside", async () => {
    const classifier = createComplexityClassifier({ app: "todo", stop: "balanced", embed: zeros });
    const outside = await classifier.classify(ask("do I need milk?"));
    const low = await atThreshold(0, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return classifier.classify(ask("do I need milk?"));
    });
    expect(low.threshold).toBe(0);
    expect(low.score).toBe(outside.score);
    expect(outside.threshold).toBeCloseTo(0.3168, 3);
    expect(scopedThreshold()).toBeUndefined();
  });

  it("keeps concurrent scopes apart", async () => {
    const seen = await Promise.all(
      [0.2, 0.5, 0.9].map((t) =>
        atThreshold(t, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5 - t * 4));
          return scopedThreshold();
        }),
      ),
    );
    expect(seen).toEqual([0.2, 0.5, 0.9]);
  });

  it("refuses a threshold outside [0, 1]", () => {
    expect(() => atThreshold(1.5, () => 0)).toThrow(RangeError);
  });
});
