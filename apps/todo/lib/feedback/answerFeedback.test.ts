// Grading an answer: only its own user may, a foreign or unknown request writes nothing, and the question
// is stored only when sent (opted in); a second grade replaces the first.
import { answerFeedback } from "@switchyard/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTodoTestEnv, type TodoTestEnv } from "../testing/todoTestEnv.ts";
import { saveAnswerFeedback } from "./answerFeedback.ts";

let env: TodoTestEnv;
beforeAll(async () => {
  env = await openTodoTestEnv();
}, 60_000);
afterAll(() => env.close());

it("stores a grade on the user's own answer only, with the question only when opted in", async () => {
  const { routing } = await env.router.chat(
    { model: "fast", messages: [{ role: "user", content: "what is due today?" }], max_tokens: 32 },
    { feature: "ask", userId: "hana" },
  );
  await env.router.flush();
  const app = "todo";

  expect(
    await saveAnswerFeedback(env.db, { userId: "ivo", app }, routing.requestId, {
      label: "strong",
      question: "x",
    }),
  ).toBeNull();
  expect(
    await saveAnswerFeedback(env.db, { userId: "hana", app }, "no-such-request", {
      label: "fast",
      question: null,
    }),
  ).toBeNull();
  expect(await env.db.select().from(answerFeedback)).toEqual([]);

  const plain = await saveAnswerFeedback(env.db, { userId: "hana", app }, routing.requestId, {
    label: "fast",
    question: null,
  });
  expect(plain).toEqual({ requestId: routing.requestId, label: "fast", questionStored: false });
  const shared = await saveAnswerFeedback(env.db, { userId: "hana", app }, routing.requestId, {
    label: "strong",
    question: "what is due today?",
  });
  expect(shared?.questionStored).toBe(true);
  const rows = await env.db.select().from(answerFeedback);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ userId: "hana", app, label: "strong", prompt: "what is due today?" });
}, 60_000);
