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

/**
 * The router's idempotency store in Postgres. A claim is one INSERT … ON CONFLICT DO UPDATE that only
 * takes over a row that is expired or whose lease ran out, so two processes can never both own a key.
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
      const claimed = await this.#db
        .insert(idempotencyKeys)
        .values({
          namespace: this.#namespace,
          key,
          fingerprint,
          state: "in_progress",
          lockedUntil: new Date(now.getTime() + options.leaseMs),
          expiresAt: new Date(now.getTime() + options.ttlMs),
          createdAt: now,
        })
        .onConflictDoUpdate({
          target: [idempotencyKeys.namespace, idempotencyKeys.key],
          set: {
            fingerprint: sql`excluded.fingerprint`,
            state: "in_progress",
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
      if (claimed.length > 0) return { state: "claimed" };

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

  async complete(key: string, response: StoredResponse): Promise<void> {
    await this.#db
      .update(idempotencyKeys)
      .set({ state: "completed", response, lockedUntil: null })
      .where(and(this.#where(key), eq(idempotencyKeys.state, "in_progress")));
  }

  async release(key: string): Promise<void> {
    await this.#db
      .delete(idempotencyKeys)
      .where(and(this.#where(key), eq(idempotencyKeys.state, "in_progress")));
  }

  /** Deletes expired keys of this namespace; returns how many. Safe to run from a timer. */
  async purgeExpired(): Promise<number> {
    const gone = await this.#db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.namespace, this.#namespace), lte(idempotencyKeys.expiresAt, this.#now())))
      .returning({ key: idempotencyKeys.key });
    return gone.length;
  }

  #where(key: string) {
    return and(eq(idempotencyKeys.namespace, this.#namespace), eq(idempotencyKeys.key, key));
  }
}
