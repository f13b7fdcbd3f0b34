// A user's grade of one answer, kept beside its ledger row: only the user whose request it was may grade
// it (anyone else gets the same "no such answer" as for an id that does not exist), and the question's
// text is stored only when they opted in for this answer.
import { answerFeedback, type Database, llmCalls } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import type { FeedbackInput } from "../dial/dialSchemas.ts";

export interface SavedFeedback {
  requestId: string;
  label: FeedbackInput["label"];
  questionStored: boolean;
}

/** Saves (or replaces) the grade; null when the request is not this user's answer in this app. */
export async function saveAnswerFeedback(
  db: Database,
  scope: { userId: string; app: string },
  requestId: string,
  input: FeedbackInput,
): Promise<SavedFeedback | null> {
  const [owned] = await db
    .select({ requestId: llmCalls.requestId })
    .from(llmCalls)
    .where(
      and(
        eq(llmCalls.requestId, requestId),
        eq(llmCalls.kind, "request"),
        eq(llmCalls.app, scope.app),
        eq(llmCalls.userId, scope.userId),
      ),
    )
    .limit(1);
  if (!owned) return null;
  const values = { label: input.label, prompt: input.question };
  await db
    .insert(answerFeedback)
    .values({ requestId, userId: scope.userId, app: scope.app, ...values })
    .onConflictDoUpdate({ target: answerFeedback.requestId, set: { ...values, updatedAt: new Date() } });
  return { requestId, label: input.label, questionStored: input.question !== null };
}
