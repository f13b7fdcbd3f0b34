// What a user chose about routing and what they said about it: the stop of an app's cost/quality dial
// they route "auto" at, and their grade of an answer's routing, kept beside the ledger's request row.
import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";

/** One row per user and app: the named dial stop ("cheapest", "balanced", "best") the server routes at. */
export const dialSettings = pgTable(
  "dial_settings",
  {
    userId: text("user_id").notNull(),
    app: text("app").notNull(),
    stop: text("stop").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.app] })],
);

export const ANSWER_FEEDBACK_LABELS = ["fast", "strong"] as const;

/**
 * A user's grade of one answer, keyed by the ledger's request_id: `strong` ("this needed the strong
 * model") or `fast` ("the cheap one would do"). The question's text is stored only when the user opted
 * in for this answer; such rows are labelled examples `pnpm router:train --with-feedback` can learn from.
 */
export const answerFeedback = pgTable(
  "answer_feedback",
  {
    requestId: text("request_id").primaryKey(),
    userId: text("user_id").notNull(),
    app: text("app").notNull(),
    label: text("label", { enum: ANSWER_FEEDBACK_LABELS }).notNull(),
    /** Null unless the user opted in to share this answer's question for training. */
    prompt: text("prompt"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("answer_feedback_user_idx").on(t.userId, t.createdAt)],
);

export type DialSetting = typeof dialSettings.$inferSelect;
export type AnswerFeedback = typeof answerFeedback.$inferSelect;
export type AnswerFeedbackLabel = (typeof ANSWER_FEEDBACK_LABELS)[number];
