// Users' graded answers as training rows: a question someone said "needed the strong model" is a row the
// cheap model got wrong, one where "the cheap one would do" a row it got right (the strong model is taken
// to be right in both). Only answers whose question the user chose to share have text to learn from.
import { answerFeedback, type Database } from "@switchyard/db";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { RouteEvalRow } from "./dataset.ts";

/** Fewer graded questions than this and a source would weigh as much as GSM8K on a handful of opinions. */
export const MIN_FEEDBACK_ROWS = 20;

/** The `source` the rows of an app's feedback train under, so reports show them apart. */
export const feedbackSource = (app: string) => `feedback-${app}`;

/**
 * Every shared, graded question of `app`, oldest first, one row per question text (the latest grade
 * wins when the same question was graded twice).
 */
export async function feedbackTrainingRows(db: Database, app = "todo"): Promise<RouteEvalRow[]> {
  const rows = await db
    .select({ prompt: answerFeedback.prompt, label: answerFeedback.label })
    .from(answerFeedback)
    .where(and(eq(answerFeedback.app, app), isNotNull(answerFeedback.prompt)))
    .orderBy(asc(answerFeedback.updatedAt), asc(answerFeedback.requestId));
  const byPrompt = new Map<string, RouteEvalRow>();
  for (const row of rows) {
    const prompt = row.prompt!;
    byPrompt.delete(prompt);
    byPrompt.set(prompt, {
      source: feedbackSource(app),
      prompt,
      weak_correct: row.label === "fast",
      strong_correct: true,
    });
  }
  return [...byPrompt.values()];
}
