// The budget's reservation bounds what the request can be charged: for every bundled model, any
// split of the prompt into plain, cached and cache-written tokens and of the output into reasoning,
// on both sides of a long-context threshold, costs no more than costUpperBound() reserved.
import { describe, expect, it } from "vitest";
import { bundledModels } from "../catalog/bundledCatalog.ts";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { costUpperBound } from "./budget.ts";
import { priceUsage } from "./cost.ts";

const routeOf = (model: LiveRoute["model"]) => ({ model }) as LiveRoute;

describe("costUpperBound", () => {
  const models = bundledModels();
  const longContext = models.filter((m) => m.price.longContext);
  const cacheWrite = models.filter((m) => (m.price.cacheWritePerMTokens ?? 0) > m.price.inputPerMTokens);

  it("has models of each kind to check", () => {
    expect(longContext.length).toBeGreaterThan(0);
    expect(cacheWrite.length).toBeGreaterThan(0);
  });

  it("is never below the charge of any split of the tokens", () => {
    for (const model of models) {
      const threshold = model.price.longContext?.aboveInputTokens;
      for (const prompt of [1_000, ...(threshold ? [threshold + 1, threshold * 2] : [])]) {
        const output = 500;
        const bound = costUpperBound([routeOf(model)], prompt, output);
        for (const split of [
          { cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
          { cachedTokens: 0, cacheWriteTokens: prompt, reasoningTokens: 0 },
          { cachedTokens: prompt / 2, cacheWriteTokens: prompt / 2, reasoningTokens: output },
        ]) {
          const charged = priceUsage(model.price, {
            promptTokens: prompt,
            completionTokens: output,
            ...split,
          });
          expect(charged, `${model.id} at ${prompt} prompt tokens`).toBeLessThanOrEqual(bound * (1 + 1e-12));
        }
      }
    }
  });

  it("reserves a long prompt at the long-context rates", () => {
    const model = longContext[0]!;
    const long = model.price.longContext!;
    const prompt = long.aboveInputTokens + 1;
    const plain = (prompt * model.price.inputPerMTokens + 100 * model.price.outputPerMTokens) / 1e6;
    expect(costUpperBound([routeOf(model)], prompt, 100)).toBeGreaterThan(plain);
  });
});
