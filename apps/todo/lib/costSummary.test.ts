import { afterAll, beforeAll, expect, it } from "vitest";
import { costSummary } from "./costSummary.ts";
import { openTodoTestEnv, type TodoTestEnv } from "./testing/todoTestEnv.ts";

let env: TodoTestEnv;
beforeAll(async () => {
  env = await openTodoTestEnv();
}, 60_000);
afterAll(() => env.close());

const ask = (userId: string, model: string) =>
  env.router.chat(
    { model, messages: [{ role: "user", content: "what is due today?" }], max_tokens: 64 },
    { feature: "ask", userId },
  );

it("counts only the user's own requests: another user's spend never shows", async () => {
  await ask("hana", "fast");
  await ask("hana", "strong");
  const ivo = await ask("ivo", "fast");
  await env.router.flush();

  const hana = await costSummary(env.db, { app: "todo", userId: "hana" });
  const ivoToday = await costSummary(env.db, { app: "todo", userId: "ivo" });
  expect([hana.requests, hana.byTier]).toEqual([2, { fast: 1, strong: 1 }]);
  expect(ivoToday.requests).toBe(1);
  expect(ivoToday.spentUsd).toBeCloseTo(ivo.routing.costUsd, 10);
  expect((await costSummary(env.db, { app: "todo", userId: "nobody" })).requests).toBe(0);
});
