// Graded answers become training rows: shared questions only, this app's only, the latest grade of a
// question winning, "needed the strong model" as a row the cheap model got wrong.
import { answerFeedback, createDb, type DbHandle } from "@switchyard/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { feedbackTrainingRows } from "./feedbackRows.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://", cache: false });
}, 60_000);
afterAll(() => handle.close());

it("turns shared grades into rows, one per question, the latest grade winning", async () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 12, minute));
  await handle.db.insert(answerFeedback).values([
    { requestId: "r1", userId: "ana", app: "todo", label: "fast", prompt: "Plan my week", updatedAt: at(1) },
    { requestId: "r2", userId: "ana", app: "todo", label: "strong", prompt: null, updatedAt: at(2) },
    { requestId: "r3", userId: "bob", app: "todo", label: "strong", prompt: "Prove it", updatedAt: at(3) },
    {
      requestId: "r4",
      userId: "bob",
      app: "todo",
      label: "strong",
      prompt: "Plan my week",
      updatedAt: at(4),
    },
    { requestId: "r5", userId: "cy", app: "images", label: "fast", prompt: "a cat", updatedAt: at(5) },
  ]);
  expect(await feedbackTrainingRows(handle.db, "todo")).toEqual([
    { source: "feedback-todo", prompt: "Prove it", weak_correct: false, strong_correct: true },
    { source: "feedback-todo", prompt: "Plan my week", weak_correct: false, strong_correct: true },
  ]);
  expect(await feedbackTrainingRows(handle.db, "images")).toEqual([
    { source: "feedback-images", prompt: "a cat", weak_correct: true, strong_correct: true },
  ]);
});
