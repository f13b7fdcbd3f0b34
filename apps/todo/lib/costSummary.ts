// A user's spend today in this app and what the same chat traffic would have cost on GPT-4o alone, read
// from the router's ledger (request rows: one per caller request, with its final cost, tokens and user).
import { type Database, llmCalls, resultRows } from "@switchyard/db";
import { defaultCatalog } from "@switchyard/router";
import { and, eq, gte, sql } from "drizzle-orm";

const BASELINE_MODEL = "openai/gpt-4o";

export interface CostSummary {
  since: string;
  spentUsd: number;
  chatSpentUsd: number;
  /** The chat requests' tokens priced at the baseline model. */
  baselineUsd: number;
  savedUsd: number;
  requests: number;
  byTier: { fast: number; strong: number };
}

function baselinePrice() {
  const model = defaultCatalog.models.find((m) => m.id === BASELINE_MODEL);
  const price = model?.price as { inputPerMTokens?: number; outputPerMTokens?: number } | undefined;
  return { input: (price?.inputPerMTokens ?? 2.5) / 1e6, output: (price?.outputPerMTokens ?? 10) / 1e6 };
}

function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function costSummary(
  db: Database,
  scope: { app: string; userId: string },
  now = new Date(),
): Promise<CostSummary> {
  const since = startOfUtcDay(now);
  const price = baselinePrice();
  const chat = sql`${llmCalls.operation} in ('chat', 'stream')`;
  const [row] = resultRows<Record<string, string | number | null>>(
    await db.execute(sql`
      select coalesce(sum(${llmCalls.costUsd}), 0) as spent,
             coalesce(sum(${llmCalls.costUsd}) filter (where ${chat}), 0) as chat_spent,
             coalesce(sum(coalesce(${llmCalls.promptTokens}, 0) * ${price.input}::float8
                        + coalesce(${llmCalls.completionTokens}, 0) * ${price.output}::float8)
                      filter (where ${chat}), 0) as baseline,
             count(*) filter (where ${chat}) as requests,
             count(*) filter (where ${chat} and ${llmCalls.tier} = 'fast') as fast,
             count(*) filter (where ${chat} and ${llmCalls.tier} = 'strong') as strong
      from ${llmCalls}
      where ${and(
        eq(llmCalls.kind, "request"),
        eq(llmCalls.app, scope.app),
        eq(llmCalls.userId, scope.userId),
        gte(llmCalls.createdAt, since),
      )}`),
  );
  const spentUsd = Number(row?.spent ?? 0);
  const chatSpentUsd = Number(row?.chat_spent ?? 0);
  const baselineUsd = Number(row?.baseline ?? 0);
  return {
    since: since.toISOString(),
    spentUsd,
    chatSpentUsd,
    baselineUsd,
    savedUsd: Math.max(0, baselineUsd - chatSpentUsd),
    requests: Number(row?.requests ?? 0),
    byTier: { fast: Number(row?.fast ?? 0), strong: Number(row?.strong ?? 0) },
  };
}
