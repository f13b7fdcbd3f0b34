// The router's (and the apps') idempotency store in Postgres: claim, complete, release, purge, and
// completeWith, which commits an app's write and the key's completion in one transaction.
import { randomUUID } from "node:crypto";
import type { ClaimOptions, ClaimResult, IdempotencyStore, StoredResponse } from "@switchyard/router";
import { and, eq, lte, or, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { idempotencyKeys } from "../schema/index.ts";

export interface PgIdempotencyStoreOptions {
  /** Keeps the router's keys apart from an app's own (e.g. "todo:create"). Default "router". */
  namespace?: string;
  /** The clock; tests move it forward to expire leases and keys. */
  now?: () => Date;
}

/** completeWith's write ran, but the claim was no longer the caller's: the write was rolled back. */
export class ClaimLostError extends Error {
  override readonly name = "ClaimLostError";
  constructor(key: string) {
    super(`The idempotency claim on ${key} was taken over before it completed; nothing was written.`);
  }
}

/**
 * The router's idempotency store in Postgres. A claim is one INSERT … ON CONFLICT DO UPDATE that only
 * takes over a row that is expired or whose lease ran out, so two processes can never both hold a key;
 * each claim gets a new holder token, and complete/release only touch a row that token still holds.
 */
export class PgIdempotencyStore implements IdempotencyStore {
  readonly #db: Database;
  readonly #namespace: string;
  readonly #now: () => Date;

  constructor(db: Database, options: PgIdempotencyStoreOptions = {}) {
    this.#db = db;
    this.#namespace = options.namespace ?? "router";
    this.#now = options.now ?? (() => new Date());
  }

  async claim(key: string, fingerprint: string, options: ClaimOptions): Promise<ClaimResult> {
    // A row released between the failed claim and the read is simply claimed on the next pass.
    for (let pass = 0; pass < 3; pass++) {
      const now = this.#now();
      const holder = randomUUID();
      const claimed = await this.#db
        .insert(idempotencyKeys)
        .values({
          namespace: this.#namespace,
          key,
          fingerprint,
          state: "in_progress",
          holder,
          lockedUntil: new Date(now.getTime() + options.leaseMs),
          expiresAt: new Date(now.getTime() + options.ttlMs),
          createdAt: now,
        })
        .onConflictDoUpdate({
          target: [idempotencyKeys.namespace, idempotencyKeys.key],
          set: {
            fingerprint: sql`excluded.fingerprint`,
            state: "in_progress",
            holder: sql`excluded.holder`,
            response: null,
            lockedUntil: sql`excluded.locked_until`,
            expiresAt: sql`excluded.expires_at`,
            createdAt: sql`excluded.created_at`,
          },
          setWhere: or(
            lte(idempotencyKeys.expiresAt, now),
            and(eq(idempotencyKeys.state, "in_progress"), lte(idempotencyKeys.lockedUntil, now)),
          ),
        })
        .returning({ key: idempotencyKeys.key });
      if (claimed.length > 0) return { state: "claimed", holder };

      const [row] = await this.#db
        .select({
          fingerprint: idempotencyKeys.fingerprint,
          state: idempotencyKeys.state,
          response: idempotencyKeys.response,
        })
        .from(idempotencyKeys)
        .where(this.#where(key));
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { state: "conflict" };
      if (row.state === "completed") return { state: "replay", response: row.response as StoredResponse };
      return { state: "in_progress" };
    }
    return { state: "in_progress" };
  }

  async complete(key: string, holder: string, response: StoredResponse): Promise<boolean> {
    return this.#completeIn(this.#db, key, holder, response);
  }

  /**
   * Runs `write` and completes the key with what it returns, in one transaction: the write commits only
   * if `holder` still holds the key, and the key completes only if the write commits. A failure anywhere
   * rolls both back (ClaimLostError when the claim was taken over), so a retry never finds a write
   * without its key, nor a completed key without its write.
   */
  async completeWith<T extends StoredResponse>(
    key: string,
    holder: string,
    write: (tx: Database) => Promise<T>,
  ): Promise<T> {
    return this.#db.transaction(async (tx) => {
      const response = await write(tx);
      if (!(await this.#completeIn(tx, key, holder, response))) throw new ClaimLostError(key);
      return response;
    });
  }

  async release(key: string, holder: string): Promise<boolean> {
    const gone = await this.#db
      .delete(idempotencyKeys)
      .where(
        and(this.#where(key), eq(idempotencyKeys.state, "in_progress"), eq(idempotencyKeys.holder, holder)),
      )
      .returning({ key: idempotencyKeys.key });
    return gone.length > 0;
  }

  /** Deletes expired keys of this namespace; returns how many. purgeExpiredKeys() does every namespace. */
  async purgeExpired(): Promise<number> {
    const gone = await this.#db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.namespace, this.#namespace), lte(idempotencyKeys.expiresAt, this.#now())))
      .returning({ key: idempotencyKeys.key });
    return gone.length;
  }

  async #completeIn(db: Database, key: string, holder: string, response: StoredResponse): Promise<boolean> {
    const done = await db
      .update(idempotencyKeys)
      .set({ state: "completed", response, lockedUntil: null })
      .where(
        and(this.#where(key), eq(idempotencyKeys.state, "in_progress"), eq(idempotencyKeys.holder, holder)),
      )
      .returning({ key: idempotencyKeys.key });
    return done.length > 0;
  }

  #where(key: string) {
    return and(eq(idempotencyKeys.namespace, this.#namespace), eq(idempotencyKeys.key, key));
  }
}

/** Deletes every namespace's keys whose time to live has passed (the scheduled purge); returns how many. */
export async function purgeExpiredKeys(db: Database, now: Date = new Date()): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lte(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}
