// What the dial shows: for each stop, the share of questions it sends strong and what today's questions
// would have cost there. Today's auto-routed asks of this user are re-tiered at each stop's threshold from
// the score the ledger kept, and their tokens priced at that tier's model (the same tokens, so an
// estimate: a different model would have answered at a different length).

import { type Database, llmCalls, resultRows } from "@switchyard/db";
import type { CatalogModelView } from "@switchyard/router";
import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { DialView } from "./dialSchemas.ts";
import { DIAL_APP, todoDial } from "./userDial.ts";

interface ScoredQuestion {
  score: number;
  promptTokens: number;
  completionTokens: number;
}

interface TierPrice {
  model: string;
  inputPerMTokens: number;
  outputPerMTokens: number;
}

function tierPrice(models: readonly CatalogModelView[], alias: "fast" | "strong"): TierPrice {
  const model = models.find((m) => m.aliases.includes(alias));
  return {
    model: model?.id ?? alias,
    inputPerMTokens: model?.price.inputPerMTokens ?? 0,
    outputPerMTokens: model?.price.outputPerMTokens ?? 0,
  };
}

const priced = (q: ScoredQuestion, p: TierPrice) =>
  (q.promptTokens * p.inputPerMTokens + q.completionTokens * p.outputPerMTokens) / 1e6;

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Today's asks of this user that the classifier scored: one ledger request row each. */
export async function todaysScoredQuestions(
  db: Database,
  userId: string,
  now: Date,
): Promise<ScoredQuestion[]> {
  const rows = resultRows<{ score: number; prompt_tokens: number | null; completion_tokens: number | null }>(
    await db.execute(sql`
      select ${llmCalls.complexityScore} as score, ${llmCalls.promptTokens} as prompt_tokens,
             ${llmCalls.completionTokens} as completion_tokens
      from ${llmCalls}
      where ${and(
        eq(llmCalls.kind, "request"),
        eq(llmCalls.app, DIAL_APP),
        eq(llmCalls.feature, "ask"),
        eq(llmCalls.userId, userId),
        isNotNull(llmCalls.complexityScore),
        gte(llmCalls.createdAt, startOfUtcDay(now)),
      )}`),
  );
  return rows.map((r) => ({
    score: Number(r.score),
    promptTokens: Number(r.prompt_tokens ?? 0),
    completionTokens: Number(r.completion_tokens ?? 0),
  }));
}

export function dialView(
  userStop: string,
  questions: readonly ScoredQuestion[],
  models: readonly CatalogModelView[],
): DialView {
  const dial = todoDial();
  const fast = tierPrice(models, "fast");
  const strong = tierPrice(models, "strong");
  // The committed stops run cheapest to best; thresholds fall along the way.
  const stops = [...dial.stops].sort((a, b) => b.threshold - a.threshold);
  return {
    stop: userStop,
    defaultStop: dial.defaultStop,
    todayQuestions: questions.length,
    models: { fast: fast.model, strong: strong.model },
    stops: stops.map((stop) => {
      const goStrong = questions.filter((q) => q.score >= stop.threshold);
      const goFast = questions.filter((q) => q.score < stop.threshold);
      const costUsd =
        goStrong.reduce((sum, q) => sum + priced(q, strong), 0) +
        goFast.reduce((sum, q) => sum + priced(q, fast), 0);
      return {
        name: stop.name,
        threshold: stop.threshold,
        maxMissRate: stop.maxMissRate,
        expectedStrongShare: stop.tune.strongShare,
        today: { strong: goStrong.length, fast: goFast.length, costUsd },
      };
    }),
  };
}
