// Spend, tokens and request counts per time bucket, split by app, feature or model.
import { type Database, llmCalls } from "@switchyard/db";
import { type SQL, sql } from "drizzle-orm";
import { bucketMs, ledgerWhere, modelName, num } from "./ledgerSql.ts";
import { bucketStarts, type UsageFilters, type UsageGroup, type UsageWindow } from "./usageQuery.ts";

/** Most series a chart can tell apart; the rest are summed as "other". */
const MAX_SERIES = 6;
const NONE_LABEL = "(none)";
const OTHER_LABEL = "other";

export interface SpendPoint {
  bucket: number;
  costUsd: number;
  promptTokens: number;
  completionTokens: number;
  requests: number;
  /** Cost per series key in this bucket. */
  byKey: Record<string, number>;
}

export interface SpendOverTime {
  groupBy: UsageGroup;
  bucket: UsageWindow["bucket"];
  /** Series keys, biggest spender first. */
  keys: string[];
  points: SpendPoint[];
}

function groupColumn(groupBy: UsageGroup): SQL<string> {
  const column =
    groupBy === "app"
      ? llmCalls.app
      : groupBy === "feature"
        ? llmCalls.feature
        : groupBy === "key"
          ? llmCalls.keyId
          : modelName;
  return sql<string>`coalesce(${column}, ${NONE_LABEL})`;
}

export async function spendOverTime(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
  groupBy: UsageGroup,
): Promise<SpendOverTime> {
  const bucket = bucketMs(window);
  const key = groupColumn(groupBy);
  const rows = await db
    .select({
      bucket,
      key,
      costUsd: num(sql`sum(${llmCalls.costUsd})`),
      promptTokens: num(sql`coalesce(sum(${llmCalls.promptTokens}), 0)`),
      completionTokens: num(sql`coalesce(sum(${llmCalls.completionTokens}), 0)`),
      requests: num(sql`count(*)`),
    })
    .from(llmCalls)
    .where(ledgerWhere("request", window, filters))
    .groupBy(sql`1`, sql`2`);

  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.costUsd);
  const ranked = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
  const shown = ranked.length > MAX_SERIES ? ranked.slice(0, MAX_SERIES - 1) : ranked;
  const keys = ranked.length > shown.length ? [...shown, OTHER_LABEL] : shown;
  const seriesOf = (k: string) => (shown.includes(k) ? k : OTHER_LABEL);

  const points = new Map<number, SpendPoint>(
    bucketStarts(window).map((b) => [
      b,
      { bucket: b, costUsd: 0, promptTokens: 0, completionTokens: 0, requests: 0, byKey: {} },
    ]),
  );
  for (const r of rows) {
    const p = points.get(r.bucket);
    if (!p) continue;
    p.costUsd += r.costUsd;
    p.promptTokens += r.promptTokens;
    p.completionTokens += r.completionTokens;
    p.requests += r.requests;
    const series = seriesOf(r.key);
    p.byKey[series] = (p.byKey[series] ?? 0) + r.costUsd;
  }
  return { groupBy, bucket: window.bucket, keys, points: [...points.values()] };
}
