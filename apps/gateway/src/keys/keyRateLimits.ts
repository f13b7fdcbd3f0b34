// A virtual key's requests- and tokens-per-minute limits, counted by the Postgres limiter the apps'
// rate limits use (consumeRateLimit), so every gateway process on the database shares one count.
// Each process takes a share of a limit at a time (one statement) and counts requests against it in
// memory, so a busy key costs the database a few statements a second, not one per request. A share
// lasts LEASE_MS; it grows while it is used up in time and never past LEASE_SHARE of the limit, so a
// small limit is still counted one request at a time. What a share did not use goes back when it ends.
// Tokens: the prompt's estimate (about 4 characters a token) is taken before the call and must fit;
// the output tokens are charged when the ledger row says how many there were.
import type { GatewayKey } from "@switchyard/db";
import { chargeRateLimit, consumeRateLimit, type Database, refundRateLimit } from "@switchyard/db";
import { LEASE_MS, LEASE_SHARE, type LedgerEntry, type LedgerSink } from "@switchyard/router";

const WINDOW_SECONDS = 60;
/** How far into its time a share in use is followed by the next. */
const RENEW_AT = 0.8;

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

/** This process's share of one key's limit, in the limiter's units. */
interface Share {
  /** The limit the share was taken under: a key whose limit changed starts a new one. */
  limit: number;
  /** Units left to spend here; below 0 when answers used more tokens than were taken (owed). */
  left: number;
  openUntil: number;
  /** Units taken from this share in its time: the next share's size. */
  used: number;
  /** When a request last took from it. */
  lastUsedAt: number;
  /** What the shared bucket had left when the share was taken. */
  sharedRemaining: number;
  /** The share being renewed: requests that find it empty wait for that instead of each asking. */
  renewing: Promise<Decision> | null;
  /** Its one timer: the renewal near the end of its time, or its end. */
  timer: NodeJS.Timeout | null;
}

type Decision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class KeyRateLimits {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #shares = new Map<string, Share>();
  /** Every key seen, by id: the tokens charged after a call read its limit here. */
  readonly #keys = new Map<string, Pick<GatewayKey, "tpm">>();

  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async take(key: Pick<GatewayKey, "id" | "rpm" | "tpm">, promptTokens: number): Promise<RateLimitOutcome> {
    this.#keys.set(key.id, key);
    const headers: Record<string, string> = {};
    if (key.rpm !== null) {
      const d = await this.#check(headers, "requests", requestsKey(key.id), key.rpm, 1);
      if (!d.allowed)
        return { allowed: false, headers, retryAfterSeconds: d.retryAfterSeconds, limit: "requests" };
    }
    if (key.tpm !== null) {
      const d = await this.#check(headers, "tokens", tokensKey(key.id), key.tpm, Math.max(1, promptTokens));
      if (!d.allowed) {
        // The request was not made: its place in the requests share is this process's to reuse.
        if (key.rpm !== null) this.#add(requestsKey(key.id), key.rpm, 1);
        return { allowed: false, headers, retryAfterSeconds: d.retryAfterSeconds, limit: "tokens" };
      }
    }
    return { allowed: true, headers };
  }

  /** Takes `cost` from one limit and writes OpenAI's x-ratelimit-*-`kind` headers for it. */
  async #check(
    headers: Record<string, string>,
    kind: "requests" | "tokens",
    bucket: string,
    limit: number,
    cost: number,
  ): Promise<Decision> {
    const d = await this.#take(bucket, limit, cost);
    headers[`x-ratelimit-limit-${kind}`] = String(limit);
    headers[`x-ratelimit-remaining-${kind}`] = String(d.allowed ? d.remaining : 0);
    // A full bucket refills `cost` in 60 * cost / limit seconds.
    headers[`x-ratelimit-reset-${kind}`] = resetIn(
      d.allowed ? Math.ceil((WINDOW_SECONDS * cost) / limit) : d.retryAfterSeconds,
    );
    return d;
  }

  /** A ledger sink that charges each keyed request's output tokens to its key's tokens share. */
  tokensSink(): LedgerSink {
    return {
      write: (entries: LedgerEntry[]) => {
        for (const e of entries) {
          // Only request rows count, never their attempts twice.
          if (e.kind !== "request" || !e.keyId || !e.completionTokens) continue;
          const tpm = this.#keys.get(e.keyId)?.tpm ?? null;
          if (tpm !== null) this.#add(tokensKey(e.keyId), tpm, -e.completionTokens);
        }
      },
    };
  }

  /** Gives back every share's unused units and pays what answers owe (shutdown, tests). */
  async close(): Promise<void> {
    await Promise.all([...this.#shares.values()].map((s) => s.renewing));
    const ended = [...this.#shares];
    this.#shares.clear();
    for (const [, share] of ended) if (share.timer) clearTimeout(share.timer);
    await Promise.all(ended.map(([bucket, share]) => this.#settle(bucket, share)));
  }

  async #take(bucket: string, rawLimit: number, rawCost: number): Promise<Decision> {
    const { limit, cost, unit } = inUnits(rawLimit, rawCost);
    for (;;) {
      const share = this.#shareOf(bucket, limit);
      if (this.#now() < share.openUntil && share.left >= cost) {
        share.left -= cost;
        share.used += cost;
        share.lastUsedAt = this.#now();
        // Used up: the next share is taken now, before the requests that will need it arrive.
        if (share.left < cost) this.#renewAhead(bucket, share, cost);
        return { allowed: true, remaining: (share.sharedRemaining + share.left) * unit };
      }
      if (share.renewing) {
        await share.renewing;
        continue;
      }
      const d = await this.#renew(bucket, share, cost);
      if (!d.allowed) return d;
    }
  }

  #shareOf(bucket: string, limit: number): Share {
    const share = this.#shares.get(bucket);
    if (share?.limit === limit) return share;
    if (share) void this.#settle(bucket, share).catch(() => undefined);
    const fresh: Share = {
      limit,
      left: 0,
      openUntil: 0,
      used: 0,
      lastUsedAt: 0,
      sharedRemaining: 0,
      renewing: null,
      timer: null,
    };
    this.#shares.set(bucket, fresh);
    this.#expireLater(bucket, fresh);
    return fresh;
  }

  /** The next share, once at a time per bucket: requests that find the share empty wait for it. */
  #renew(bucket: string, share: Share, cost: number): Promise<Decision> {
    share.renewing ??= this.#takeShare(bucket, share, cost).finally(() => {
      share.renewing = null;
    });
    return share.renewing;
  }

  /** Only a true share (more than the request): one request's worth ahead would keep a small limit from others. */
  #renewAhead(bucket: string, share: Share, cost: number): void {
    if (share.renewing || shareCap(share.limit) <= cost) return;
    void this.#renew(bucket, share, cost).catch(() => undefined);
  }

  /**
   * Takes the next share in one statement: tops up a share still open to its next size, or settles
   * what an ended one left (or owes) and takes a fresh one; when the shared bucket has no room for
   * that, just this request's cost.
   */
  async #takeShare(bucket: string, share: Share, cost: number): Promise<Decision> {
    const now = this.#now();
    const open = now < share.openUntil;
    // Used up in its time: twice the size; ended with room to spare: what it used.
    const grown = open ? share.used * 2 : share.used;
    const wanted = Math.max(cost, Math.min(grown, shareCap(share.limit)));
    if (!open || share.left < 0) await this.#settle(bucket, share);
    // Open with enough left for its next size: it only lives longer.
    if (open && share.left >= wanted) return this.#extend(bucket, share);
    const rule = { key: bucket, limit: share.limit, windowSeconds: WINDOW_SECONDS };
    const topUp = Math.max(cost, wanted - share.left);
    let d = await consumeRateLimit(this.#db, { ...rule, cost: topUp });
    let taken = topUp;
    if (!d.allowed && topUp > cost) {
      d = await consumeRateLimit(this.#db, { ...rule, cost });
      taken = cost;
    }
    if (!d.allowed) return { allowed: false, retryAfterSeconds: d.retryAfterSeconds };
    share.left += taken;
    share.sharedRemaining = d.remaining;
    return this.#extend(bucket, share);
  }

  /** A new second for the share, and its one timer set for the renewal near its end. */
  #extend(bucket: string, share: Share): Decision {
    share.used = 0;
    share.openUntil = this.#now() + LEASE_MS;
    this.#expireLater(bucket, share);
    return { allowed: true, remaining: share.sharedRemaining };
  }

  #expireLater(bucket: string, share: Share): void {
    this.#setTimer(share, () => this.#renewOrExpire(bucket, share), LEASE_MS * RENEW_AT);
  }

  #setTimer(share: Share, run: () => void, ms: number): void {
    if (share.timer) clearTimeout(share.timer);
    share.timer = setTimeout(run, ms).unref();
  }

  /**
   * Near the end of a share's time: a key used within the last two shares' time gets its next share
   * now, while this one still serves (a steady caller a second apart would otherwise always find its
   * share just gone). An idle one ends on time: it gives back what it did not use (or pays what
   * answers owe) and is forgotten.
   */
  #renewOrExpire(bucket: string, share: Share): void {
    if (share.renewing) return;
    const current = this.#shares.get(bucket) === share;
    const recent = this.#now() - share.lastUsedAt <= 2 * LEASE_MS;
    if (current && recent && shareCap(share.limit) > 1) {
      void this.#renew(bucket, share, 1).catch(() => undefined);
      return;
    }
    this.#setTimer(share, () => this.#end(bucket, share), Math.max(0, share.openUntil - this.#now()));
  }

  #end(bucket: string, share: Share): void {
    if (share.renewing || this.#now() < share.openUntil) return;
    if (this.#shares.get(bucket) === share) this.#shares.delete(bucket);
    void this.#settle(bucket, share).catch(() => undefined);
  }

  /** Units into a share (negative: out of it, as an answer's output tokens are once it is counted). */
  #add(bucket: string, rawLimit: number, rawUnits: number): void {
    const { limit, cost } = inUnits(rawLimit, Math.abs(rawUnits));
    const share = this.#shareOf(bucket, limit);
    share.left += Math.sign(rawUnits) * cost;
    // Spent (an answer's tokens): part of what the share is used for, so part of its next size.
    if (rawUnits < 0) share.used += cost;
  }

  /** Returns a share's unused units to the shared bucket, or charges what it owes. */
  async #settle(bucket: string, share: Share): Promise<void> {
    const units = share.left;
    share.left = 0;
    if (units === 0) return;
    const rule = { key: bucket, limit: share.limit, windowSeconds: WINDOW_SECONDS, cost: Math.abs(units) };
    if (units > 0) await refundRateLimit(this.#db, rule);
    else await chargeRateLimit(this.#db, rule);
  }
}

/** The most one share of a limit may hold, in its units. */
const shareCap = (limit: number) => Math.floor(limit * LEASE_SHARE);

const requestsKey = (id: string) => `vkey:${id}:rpm`;
const tokensKey = (id: string) => `vkey:${id}:tpm`;
