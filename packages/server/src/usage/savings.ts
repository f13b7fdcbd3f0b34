// What routing saved: the same chat requests priced as if every one had gone to the strong model,
// and how requests were shared between the tiers.
import { type Database, llmCalls } from "@switchyard/db";
import { buildCatalog, loadCatalogFile, type Price, parseRouterEnv } from "@switchyard/router";
import { eq, inArray, sql } from "drizzle-orm";
import { ledgerWhere, num } from "./ledgerSql.ts";
import type { UsageFilters, UsageWindow } from "./usageQuery.ts";

export interface StrongModelPrice {
  model: string;
  label: string;
  price: Pick<Price, "inputPerMTokens" | "outputPerMTokens">;
}

/** The router catalog's strong tier and its list price (the same catalog the router loads). */
export function strongModelPrice(env: Record<string, string | undefined> = process.env): StrongModelPrice {
  const routerEnv = parseRouterEnv(env);
  const catalog = routerEnv.SWITCHYARD_CATALOG
    ? loadCatalogFile(routerEnv.SWITCHYARD_CATALOG)
    : buildCatalog();
  const model = catalog.models.find((m) => m.id === catalog.tiers.strong);
  if (!model) throw new Error(`The catalog's strong tier names a model it lacks: ${catalog.tiers.strong}`);
  return { model: model.id, label: model.label, price: model.price };
}

export interface TierShare {
  /** "fast", "strong", or "direct" when the caller named a model instead of a tier. */
  tier: string;
  requests: number;
  costUsd: number;
}

export interface Savings {
  strongModel: string;
  strongLabel: string;
  /** Chat requests that were answered (replays excluded: they cost nothing either way). */
  requests: number;
  actualUsd: number;
  strongOnlyUsd: number;
  savedUsd: number;
  /** savedUsd / strongOnlyUsd, or null when there is nothing to compare. */
  savedShare: number | null;
  tiers: TierShare[];
}

export async function savings(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
  strong: StrongModelPrice,
): Promise<Savings> {
  const where = ledgerWhere(
    "request",
    window,
    filters,
    inArray(llmCalls.operation, ["chat", "stream"]),
    eq(llmCalls.outcome, "ok"),
    eq(llmCalls.replay, false),
  );
  const inPrice = strong.price.inputPerMTokens;
  const outPrice = strong.price.outputPerMTokens;
  const [totals, tiers] = await Promise.all([
    db
      .select({
        requests: num(sql`count(*)`),
        actualUsd: num(sql`coalesce(sum(${llmCalls.costUsd}), 0)`),
        strongOnlyUsd: num(
          sql`coalesce(sum(coalesce(${llmCalls.promptTokens}, 0) * ${inPrice}::float8 + coalesce(${llmCalls.completionTokens}, 0) * ${outPrice}::float8), 0) / 1e6`,
        ),
      })
      .from(llmCalls)
      .where(where),
    db
      .select({
        tier: sql<string>`coalesce(${llmCalls.tier}, 'direct')`,
        requests: num(sql`count(*)`),
        costUsd: num(sql`coalesce(sum(${llmCalls.costUsd}), 0)`),
      })
      .from(llmCalls)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
  ]);
  const t = totals[0] ?? { requests: 0, actualUsd: 0, strongOnlyUsd: 0 };
  const savedUsd = t.strongOnlyUsd - t.actualUsd;
  return {
    strongModel: strong.model,
    strongLabel: strong.label,
    ...t,
    savedUsd,
    savedShare: t.strongOnlyUsd > 0 ? savedUsd / t.strongOnlyUsd : null,
    tiers,
  };
}
