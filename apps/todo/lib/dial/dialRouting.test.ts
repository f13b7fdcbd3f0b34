// The dial end to end below the routes: a user's stored stop, the ask chain routing a borderline question
// at that stop's threshold (the todo dial's classifier, as getRouter builds it), and what the dial shows
// for today's questions re-tiered at every stop.
import { appDialStop, createComplexityClassifier } from "@switchyard/complexity";
import { dialSettings } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAskChain } from "../askChain.ts";
import { openTodoTestEnv, type TodoTestEnv } from "../testing/todoTestEnv.ts";
import { routerEmbedder } from "../todoEmbedder.ts";
import { dialView, todaysScoredQuestions } from "./dialToday.ts";
import { saveUserDialStop, userDialStop } from "./userDial.ts";

// Scores 0.345 (pnpm --silent router:score --app todo): fast at "cheapest" (0.356), strong at "balanced".
const BORDERLINE = "Derive the formula for the monthly payment of an amortised loan from first principles.";

let env: TodoTestEnv;
beforeAll(async () => {
  env = await openTodoTestEnv({ classifier: createComplexityClassifier({ app: "todo" }) });
}, 60_000);
afterAll(() => env.close());

async function askAt(owner: string, stop: string) {
  const chain = createAskChain({
    embedder: routerEmbedder(env.router),
    retrieve: async () => [],
    router: env.router,
  });
  const { threshold } = appDialStop("todo", stop);
  const answer = await chain.invoke({ owner, question: BORDERLINE, tier: "auto", threshold });
  for await (const _ of answer.stream);
  return (await answer.stream.result).routing;
}

describe("the todo dial", () => {
  it("keeps each user's stop, the default until they choose", async () => {
    expect((await userDialStop(env.db, "dana")).name).toBe("balanced");
    await saveUserDialStop(env.db, "dana", "best");
    await saveUserDialStop(env.db, "dana", "cheapest");
    expect((await userDialStop(env.db, "dana")).name).toBe("cheapest");
    expect((await userDialStop(env.db, "eli")).name).toBe("balanced");
    // A stop a later calibration no longer has routes at the default instead of failing.
    await env.db.insert(dialSettings).values({ userId: "fay", app: "todo", stop: "retired" });
    expect((await userDialStop(env.db, "fay")).name).toBe("balanced");
  });

  it("routes a borderline question fast at the cheapest stop and strong at balanced", async () => {
    const cheap = await askAt("gus", "cheapest");
    const balanced = await askAt("gus", "balanced");
    expect(cheap.tier).toBe("fast");
    expect(cheap.threshold).toBe(appDialStop("todo", "cheapest").threshold);
    expect(balanced.tier).toBe("strong");
    expect(balanced.score).toBeCloseTo(cheap.score!, 6);
    expect(balanced.score).toBeGreaterThan(0.317);
    expect(balanced.score).toBeLessThan(0.356);
  }, 60_000);

  it("shows what today's questions would have cost at every stop, from the ledger's scores", async () => {
    await env.router.flush();
    const questions = await todaysScoredQuestions(env.db, "gus", new Date());
    expect(questions).toHaveLength(2);
    expect(await todaysScoredQuestions(env.db, "someone-else", new Date())).toEqual([]);
    const view = dialView("balanced", questions, env.router.catalogModels());
    expect(view.stops.map((s) => s.name)).toEqual(["cheapest", "balanced", "best"]);
    const [cheapest, balanced, best] = view.stops;
    expect(cheapest!.today).toMatchObject({ fast: 2, strong: 0 });
    expect(balanced!.today).toMatchObject({ fast: 0, strong: 2 });
    expect(best!.today.costUsd).toBeCloseTo(balanced!.today.costUsd, 12);
    expect(cheapest!.today.costUsd).toBeLessThan(balanced!.today.costUsd);
    expect(cheapest!.expectedStrongShare).toBeLessThan(best!.expectedStrongShare);
    expect(view.models).toEqual({ fast: "anthropic/claude-3-haiku", strong: "openai/gpt-4o" });
  });
});
