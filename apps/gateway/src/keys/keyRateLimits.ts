// A virtual key's requests- and tokens-per-minute limits, counted by the Postgres limiter the apps'
// rate limits use (consumeRateLimit), so every gateway process on the database shares one count.
// Tokens: the prompt's estimate (about 4 characters a token) is taken before the call and must fit;
// the output tokens are charged when the ledger row says how many there were.

import type { GatewayKey } from "@switchyard/db";
import { chargeRateLimit, consumeRateLimit, type Database } from "@switchyard/db";
import type { LedgerEntry, LedgerSink } from "@switchyard/router";

const WINDOW_SECONDS = 60;
const requestsKey = (id: string) => `vkey:${id}:rpm`;
const tokensKey = (id: string) => `vkey:${id}:tpm`;

export type RateLimitOutcome =
  | { allowed: true; headers: Record<string, string> }
  | {
      allowed: false;
      headers: Record<string, string>;
      retryAfterSeconds: number;
      limit: "requests" | "tokens";
    };

/**
 * The limiter counts in steps of at least 1 µs, so at most 60 million a minute: a larger limit (tokens)
 * is counted in units of several, the cost rounded up to whole units.
 */
const MAX_PER_WINDOW = WINDOW_SECONDS * 1_000_000;
export function inUnits(limit: number, cost: number): { limit: number; cost: number; unit: number } {
  const unit = Math.ceil(limit / MAX_PER_WINDOW);
  return { limit: Math.floor(limit / unit), cost: Math.max(1, Math.ceil(cost / unit)), unit };
}

/** "1s", "6m0s": how OpenAI writes x-ratelimit-reset-*. */
const resetIn = (seconds: number) =>
  seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;

export async function takeKeyRateLimits(
  db: Database,
  key: Pick<GatewayKey, "id" | "rpm" | "tpm">,
  promptTokens: number,
): Promise<RateLimitOutcome> {
  const headers: Record<string, string> = {};
  if (key.rpm !== null) {
    const { unit, ...counted } = inUnits(key.rpm, 1);
    const d = await consumeRateLimit(db, {
      key: requestsKey(key.id),
      ...counted,
      windowSeconds: WINDOW_SECONDS,
    });
    headers["x-ratelimit-limit-requests"] = String(key.rpm);
    headers["x-ratelimit-remaining-requests"] = String(d.remaining * unit);
    // A full bucket refills one request every 60 / rpm seconds.
    headers["x-ratelimit-reset-requests"] = resetIn(
      d.allowed ? Math.ceil(WINDOW_SECONDS / key.rpm) : d.retryAfterSeconds,
    );
    if (!d.allowed)
      return { allowed: false, headers, retryAfterSeconds: d.retryAfterSeconds, limit: "requests" };
  }
  if (key.tpm !== null) {
    const cost = Math.max(1, promptTokens);
    const { unit, ...counted } = inUnits(key.tpm, cost);
    const d = await consumeRateLimit(db, {
      key: tokensKey(key.id),
      ...counted,
      windowSeconds: WINDOW_SECONDS,
    });
    headers["x-ratelimit-limit-tokens"] = String(key.tpm);
    headers["x-ratelimit-remaining-tokens"] = String(Math.max(0, d.remaining) * unit);
    headers["x-ratelimit-reset-tokens"] = resetIn(
      d.allowed ? Math.ceil((WINDOW_SECONDS * cost) / key.tpm) : d.retryAfterSeconds,
    );
    if (!d.allowed)
      return { allowed: false, headers, retryAfterSeconds: d.retryAfterSeconds, limit: "tokens" };
  }
  return { allowed: true, headers };
}

/**
 * A ledger sink that charges each keyed request's output tokens to its key's tokens-per-minute bucket.
 * `tpmOf` says a key's limit (null: none); only request rows count, never their attempts twice.
 */
export function tokensChargeSink(db: Database, tpmOf: (keyId: string) => number | null): LedgerSink {
  return {
    async write(entries: LedgerEntry[]) {
      for (const e of entries) {
        if (e.kind !== "request" || !e.keyId || !e.completionTokens) continue;
        const tpm = tpmOf(e.keyId);
        if (tpm === null) continue;
        const { unit: _unit, ...counted } = inUnits(tpm, e.completionTokens);
        await chargeRateLimit(db, { key: tokensKey(e.keyId), ...counted, windowSeconds: WINDOW_SECONDS });
      }
    },
  };
}
