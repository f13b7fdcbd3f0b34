// What the usage page asks for, parsed from URL search params. Every field falls back to its default
// instead of failing, so a hand-edited URL still shows a page.
import { LLM_CALL_OUTCOMES } from "@switchyard/db";
import { z } from "zod";

const USAGE_RANGES = ["1h", "24h", "7d", "30d"] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];
const USAGE_GROUPS = ["model", "app", "feature", "key"] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];
export type UsageBucket = "minute" | "hour" | "day";

const RANGE_MS: Record<UsageRange, number> = {
  "1h": 3_600_000,
  "24h": 24 * 3_600_000,
  "7d": 7 * 24 * 3_600_000,
  "30d": 30 * 24 * 3_600_000,
};
// One hour in minutes would be a single bar in hours: the short range gets minute buckets.
const RANGE_BUCKET: Record<UsageRange, UsageBucket> = {
  "1h": "minute",
  "24h": "hour",
  "7d": "day",
  "30d": "day",
};
export const BUCKET_MS: Record<UsageBucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

// A filter Postgres cannot compare (U+0000 in a parameter fails the query) is dropped like any bad value.
const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !s.includes("\u0000"))
  .optional()
  .catch(undefined);

const usageQuerySchema = z.object({
  range: z.enum(USAGE_RANGES).catch("24h"),
  groupBy: z.enum(USAGE_GROUPS).catch("model"),
  app: name,
  feature: name,
  model: name,
  /** A gateway virtual key's id (llm_calls.key_id). */
  key: name,
  outcome: z.enum(LLM_CALL_OUTCOMES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type UsageQuery = z.output<typeof usageQuerySchema>;

export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Parses search params (a Next `searchParams` object or URLSearchParams); never throws. */
export function parseUsageQuery(params: SearchParams = {}): UsageQuery {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const cleaned = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ""));
  return usageQuerySchema.parse(cleaned);
}

/** The time window a range covers, ending now, and the bucket width its charts use. */
export interface UsageWindow {
  from: Date;
  to: Date;
  bucket: UsageBucket;
}

export function usageWindow(range: UsageRange, now: Date = new Date()): UsageWindow {
  const bucket = RANGE_BUCKET[range];
  const width = BUCKET_MS[bucket];
  // The window ends at the end of the current bucket, so the newest bucket is never cut in half.
  const to = new Date(Math.floor(now.getTime() / width) * width + width);
  return { from: new Date(to.getTime() - RANGE_MS[range]), to, bucket };
}

/** Filters that narrow every figure on the page (outcome narrows only the request log). */
export interface UsageFilters {
  app?: string | undefined;
  feature?: string | undefined;
  model?: string | undefined;
  /** One gateway virtual key's rows (its id). */
  key?: string | undefined;
  /** One user's rows only (a member's own view); unset: every user's. */
  userId?: string | undefined;
}

/** Every bucket start in the window, so charts show quiet periods as zero instead of skipping them. */
export function bucketStarts(window: UsageWindow): number[] {
  const width = BUCKET_MS[window.bucket];
  const starts: number[] = [];
  for (let t = window.from.getTime(); t < window.to.getTime(); t += width) starts.push(t);
  return starts;
}
