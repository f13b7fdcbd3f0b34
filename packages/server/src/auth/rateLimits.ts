// Rate limits on the costly endpoints, per user and per client IP, counted in Postgres through
// consumeRateLimit so every app process on the database shares one count. Over the limit: 429
// `rate_limited` with Retry-After.
import { consumeRateLimit, type Database } from "@switchyard/db";
import { ApiError } from "../apiErrors.ts";
import type { ServerEnv } from "../serverEnv.ts";

export type RateLimitKind = "ask" | "generate" | "build" | "auth";

/** Requests per minute; a burst of that many at once, then one more every 60 / limit seconds. */
export interface RateLimitRule {
  perUser: number | null;
  perIp: number | null;
}

// #region rate-limit-defaults
/** Per minute. Per IP is higher than per user: several people can share one address (an office, a NAT). */
export const RATE_LIMIT_DEFAULTS: Record<RateLimitKind, RateLimitRule> = {
  ask: { perUser: 20, perIp: 60 },
  generate: { perUser: 30, perIp: 90 },
  build: { perUser: 10, perIp: 30 },
  // Sign-in, sign-up and the demo sign-in: nobody is signed in yet, so the address is all there is.
  auth: { perUser: null, perIp: 30 },
};
// #endregion

const WINDOW_SECONDS = 60;

/** The defaults with the environment's overrides (`SWITCHYARD_RATE_<KIND>_PER_USER|_PER_IP`; 0 turns one off). */
export function rateLimitRules(env: ServerEnv): Record<RateLimitKind, RateLimitRule> {
  const pick = (value: number | undefined, fallback: number | null) =>
    value === undefined ? fallback : value === 0 ? null : value;
  const d = RATE_LIMIT_DEFAULTS;
  return {
    ask: {
      perUser: pick(env.SWITCHYARD_RATE_ASK_PER_USER, d.ask.perUser),
      perIp: pick(env.SWITCHYARD_RATE_ASK_PER_IP, d.ask.perIp),
    },
    generate: {
      perUser: pick(env.SWITCHYARD_RATE_GENERATE_PER_USER, d.generate.perUser),
      perIp: pick(env.SWITCHYARD_RATE_GENERATE_PER_IP, d.generate.perIp),
    },
    build: {
      perUser: pick(env.SWITCHYARD_RATE_BUILD_PER_USER, d.build.perUser),
      perIp: pick(env.SWITCHYARD_RATE_BUILD_PER_IP, d.build.perIp),
    },
    auth: { perUser: null, perIp: pick(env.SWITCHYARD_RATE_AUTH_PER_IP, d.auth.perIp) },
  };
}

/**
 * The client's address. The last X-Forwarded-For entry is the one the nearest proxy saw (earlier ones
 * are whatever the client wrote); without a proxy header the request has no address we can trust.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}

/** Takes one request from the user's and the address's buckets; throws 429 `rate_limited` when either is empty. */
export async function enforceRateLimit(
  db: Database,
  rule: RateLimitRule,
  kind: RateLimitKind,
  who: { userId?: string; ip: string },
): Promise<void> {
  const buckets: Array<{ key: string; limit: number }> = [];
  if (rule.perUser !== null && who.userId)
    buckets.push({ key: `user:${who.userId}:${kind}`, limit: rule.perUser });
  if (rule.perIp !== null) buckets.push({ key: `ip:${who.ip}:${kind}`, limit: rule.perIp });
  for (const { key, limit } of buckets) {
    const decision = await consumeRateLimit(db, { key, limit, windowSeconds: WINDOW_SECONDS });
    if (!decision.allowed) {
      throw new ApiError(
        "rate_limited",
        `Too many requests: at most ${limit} a minute. Try again in ${decision.retryAfterSeconds} s.`,
        429,
        { retryAfterSeconds: decision.retryAfterSeconds, details: { kind, limitPerMinute: limit } },
      );
    }
  }
}
