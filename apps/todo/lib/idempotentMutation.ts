// Idempotency-Key for the app's own mutations (Stripe semantics), on the shared idempotency_keys table
// under a namespace of the action and its owner: the first request with a key runs, a repeat replays its
// stored result, a concurrent repeat waits for the first, and the same key with another body is a
// conflict. Two users who happen to send the same key never meet: each has a namespace of their own.
import { createHash } from "node:crypto";
import { type Database, PgIdempotencyStore } from "@switchyard/db";
import type { StoredResponse } from "@switchyard/router";
import { ApiError } from "@switchyard/server";

const OPTIONS = { ttlMs: 24 * 3_600_000, leaseMs: 60_000 };
const WAIT_MS = 15_000;

function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

/** What a key is unique within: one action ("todo:create") of one owner (the session's user id). */
export interface MutationScope {
  action: string;
  owner: string;
}

export interface Once<T> {
  value: T;
  /** True when this is a repeat of an earlier request with the same key. */
  replay: boolean;
}

export async function runOnce<T extends StoredResponse>(
  db: Database,
  scope: MutationScope,
  key: string | undefined,
  body: unknown,
  run: () => Promise<T>,
): Promise<Once<T>> {
  if (!key) return { value: await run(), replay: false };
  const store = new PgIdempotencyStore(db, { namespace: `${scope.action}:${scope.owner}` });
  const fingerprint = fingerprintOf(body);
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const claim = await store.claim(key, fingerprint, OPTIONS);
    if (claim.state === "replay") return { value: claim.response as T, replay: true };
    if (claim.state === "conflict")
      throw new ApiError("idempotency_conflict", "This Idempotency-Key was used with another request.", 409);
    if (claim.state === "claimed") {
      try {
        const value = await run();
        await store.complete(key, value);
        return { value, replay: false };
      } catch (error) {
        await store.release(key);
        throw error;
      }
    }
    if (Date.now() > deadline)
      throw new ApiError("idempotency_in_progress", "The same request is still running. Try again.", 409);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
