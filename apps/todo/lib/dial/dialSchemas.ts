// The dial's wire, shared by the routes and the browser: what GET /api/dial answers, what PUT takes,
// and what POST /api/answers/<requestId>/feedback takes. Stop names are checked against the app's dial on the server.
import { z } from "zod";

const stopToday = z.object({
  /** Today's auto-routed questions that would have gone strong / fast at this stop. */
  strong: z.number().int(),
  fast: z.number().int(),
  /** Their tokens priced at the model each would have gone to. */
  costUsd: z.number(),
});

export const dialStopView = z.object({
  name: z.string(),
  threshold: z.number(),
  /** The owner's promise: at most this share of questions that need the strong model go fast. */
  maxMissRate: z.number(),
  /** The share of the app's labelled questions this stop sends strong. */
  expectedStrongShare: z.number(),
  today: stopToday,
});
export type DialStopView = z.infer<typeof dialStopView>;

export const dialView = z.object({
  /** The stop this user's auto questions are routed at. */
  stop: z.string(),
  defaultStop: z.string(),
  /** From cheapest to best. */
  stops: z.array(dialStopView),
  /** Today's questions the classifier scored (the auto tier), the ones every stop is re-tiered from. */
  todayQuestions: z.number().int(),
  models: z.object({ fast: z.string(), strong: z.string() }),
});
export type DialView = z.infer<typeof dialView>;

export const dialChoice = z.object({ stop: z.string().min(1).max(40) });

export const ANSWER_LABELS = ["fast", "strong"] as const;
export type AnswerLabel = (typeof ANSWER_LABELS)[number];

/** A ledger request id as the router makes them; anything else names no answer. */
export const requestIdParam = z.string().regex(/^[\w-]{1,100}$/);

export const feedbackInput = z.object({
  /** "strong": this needed the strong model; "fast": the cheap one would do. */
  label: z.enum(ANSWER_LABELS),
  /** The question, sent only when the user opted in to share it for training; null otherwise. */
  question: z.string().trim().min(1).max(2000).nullable(),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;
