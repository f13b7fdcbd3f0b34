// A token bucket in Postgres, one atomic statement per request, so every process on the database
// shares one limit. The bucket is stored as GCRA's single timestamp (rate_limits.full_at).
import { lte, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, resultRows } from "../database.ts";
import { rateLimits } from "../schema/index.ts";

const MICROS = 1_000_000;

export const rateLimitRuleSchema = z.object({
  /** Whose limit, e.g. "user:<id>:images" or "ip:203.0.113.7:sign-in". */
  key: z.string().min(1).max(512),
  /** Requests allowed at once from a full bucket, and per window on average. */
  limit: z.number().int().min(1),
  windowSeconds: z.number().positive().finite(),
  /** How many units this request takes at once (tokens, for a tokens-per-minute limit); 1 by default. */
  cost: z.number().int().min(1).default(1),
  /** The clock; defaults to the database's, so app servers with skewed clocks still agree. Tests pass one. */
  now: z.date().optional(),
});

export type RateLimitRule = z.input<typeof rateLimitRuleSchema>;

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests that would still be allowed right now. */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until one more request fits (at least 1). */
  retryAfterSeconds: number;
}

/** A rule's parts in SQL: `step` is the time `cost` units take from the bucket. */
function bucketOf(rule: RateLimitRule) {
  const { key, limit, windowSeconds, now, cost } = rateLimitRuleSchema.parse(rule);
  // One request's share of the window, in whole microseconds (Postgres' time resolution) so sums are exact.
  const stepMicros = Math.floor((windowSeconds * MICROS) / limit);
  if (stepMicros < 1) throw new RangeError(`rate limit ${limit} per ${windowSeconds}s is finer than 1 µs`);
  const step = sql`(interval '1 microsecond' * ${stepMicros * cost}::float8)`;
  const clock = sql`coalesce(${now?.toISOString() ?? null}::timestamptz, statement_timestamp())`;
  return { key, limit, windowSeconds, cost, stepMicros, step, clock };
}

/**
 * Takes one request from the bucket `key` holds: up to `limit` at once, refilling at
 * `limit / windowSeconds`. The decision is one INSERT … ON CONFLICT DO UPDATE … WHERE, which locks the
 * key's row, so concurrent callers in any process are counted one after another.
 */
export async function consumeRateLimit(db: Database, rule: RateLimitRule): Promise<RateLimitDecision> {
  const { key, limit, windowSeconds, cost, stepMicros, step, clock } = bucketOf(rule);
  // Capacity measured in time: a full bucket is `limit` steps, so a burst is exactly `limit` requests.
  const capacity = sql`(interval '1 microsecond' * ${stepMicros * limit}::float8)`;
  // More than a full bucket never fits, however long the caller waits.
  if (cost > limit) return { allowed: false, remaining: 0, retryAfterSeconds: Math.ceil(windowSeconds) };

  const taken = resultRows<{ remaining: number }>(
    await db.execute(sql`
      insert into ${rateLimits} as r (key, full_at) values (${key}, ${clock} + ${step})
      on conflict (key) do update set full_at = greatest(r.full_at, ${clock}) + ${step}
        where greatest(r.full_at, ${clock}) + ${step} <= ${clock} + ${capacity}
      returning floor(extract(epoch from (${clock} + ${capacity} - r.full_at)) * ${MICROS} / ${stepMicros})::int
        as remaining`),
  );
  const allowed = taken[0];
  if (allowed) return { allowed: true, remaining: allowed.remaining, retryAfterSeconds: 0 };

  // Denied: read when the next request fits. Only informative, so a second statement is fine.
  const [row] = resultRows<{ wait: number | null }>(
    await db.execute(sql`
      select ceil(extract(epoch from (full_at + ${step} - ${capacity} - ${clock})))::int as wait
      from ${rateLimits} where key = ${key}`),
  );
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, row?.wait ?? 1) };
}

/**
 * Takes `cost` units from the bucket whether or not they fit: for what was already spent (the tokens an
 * answer turned out to use). The bucket may go into debt, which later requests wait out.
 */
export async function chargeRateLimit(db: Database, rule: RateLimitRule & { cost: number }): Promise<void> {
  const { key, step, clock } = bucketOf(rule);
  await db.execute(sql`
    insert into ${rateLimits} as r (key, full_at) values (${key}, ${clock} + ${step})
    on conflict (key) do update set full_at = greatest(r.full_at, ${clock}) + ${step}`);
}

/**
 * Gives back `cost` units taken and not used (a process's unspent share of a limit): the bucket's
 * timestamp moves back, never past full.
 */
export async function refundRateLimit(db: Database, rule: RateLimitRule & { cost: number }): Promise<void> {
  const { key, step, clock } = bucketOf(rule);
  await db.execute(sql`
    update ${rateLimits} set full_at = greatest(full_at - ${step}, ${clock}) where key = ${key}`);
}

/** Deletes buckets that are full again (a missing row means the same); returns how many. */
export async function purgeRateLimits(db: Database, options: { now?: Date } = {}): Promise<number> {
  const clock = sql`coalesce(${options.now?.toISOString() ?? null}::timestamptz, statement_timestamp())`;
  const gone = await db
    .delete(rateLimits)
    .where(lte(rateLimits.fullAt, clock))
    .returning({ key: rateLimits.key });
  return gone.length;
}
