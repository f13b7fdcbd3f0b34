// An app's mutation under an Idempotency-Key, with Stripe's semantics on the shared idempotency_keys
// table: claim the key (its own short transaction, so a duplicate sees "in flight" at once), run the
// slow part outside any transaction (`prepare`, e.g. an embedding call), then the write and the key's
// completion in ONE transaction. A failure anywhere after the claim leaves no write behind and frees
// the key; a crash leaves a claim that its lease frees. A repeat gets the stored response back.
import { type Database, PgIdempotencyStore } from "@switchyard/db";
import { idempotencyFingerprint, idempotencyTtlMs, type StoredResponse } from "@switchyard/router";
import { idempotencyInFlight, idempotencyMismatch } from "./idempotencyErrors.ts";

export interface IdempotentRequest {
  /** What the key is unique within, e.g. "todo:create:<user id>": two users' equal keys never meet. */
  namespace: string;
  /** The client's Idempotency-Key; without one the mutation simply runs. */
  key: string | undefined;
  /** What the client sent: the same key with another body is 422 idempotency_mismatch. */
  body: unknown;
  /** How long a duplicate waits for the first before 409 idempotency_in_flight (default 15 s). */
  waitMs?: number;
  /** How long a claim may run before it counts as abandoned (default 60 s): longer than `prepare` takes. */
  leaseMs?: number;
}

export interface IdempotentSteps<T extends StoredResponse, P> {
  /** The slow part, outside any transaction; runs only for the request that holds the key. */
  prepare?: () => Promise<P>;
  /** The write; its result is the response stored for the key (ids and small values, never bytes). */
  write: (tx: Database, prepared: P) => Promise<T>;
}

export interface IdempotentOutcome<T> {
  value: T;
  /** True when this is a repeat of an earlier request with the same key. */
  replay: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runIdempotent<T extends StoredResponse, P = undefined>(
  db: Database,
  request: IdempotentRequest,
  steps: IdempotentSteps<T, P>,
): Promise<IdempotentOutcome<T>> {
  const prepare = steps.prepare ?? (async () => undefined as P);
  if (!request.key) {
    const prepared = await prepare();
    return { value: await db.transaction((tx) => steps.write(tx, prepared)), replay: false };
  }
  const key = request.key;
  const store = new PgIdempotencyStore(db, { namespace: request.namespace });
  const options = { ttlMs: idempotencyTtlMs(), leaseMs: request.leaseMs ?? 60_000 };
  const fingerprint = idempotencyFingerprint(request.namespace, request.body);
  const deadline = Date.now() + (request.waitMs ?? 15_000);
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const claim = await store.claim(key, fingerprint, options);
    if (claim.state === "replay") return { value: claim.response as T, replay: true };
    if (claim.state === "conflict") throw idempotencyMismatch();
    if (claim.state === "claimed") {
      try {
        const prepared = await prepare();
        const value = await store.completeWith(key, claim.holder, (tx) => steps.write(tx, prepared));
        return { value, replay: false };
      } catch (error) {
        // Nothing was written; a claim taken over is no longer ours to free (release checks the holder).
        await store.release(key, claim.holder).catch(() => undefined);
        if (error instanceof Error && error.name === "ClaimLostError") throw idempotencyInFlight();
        throw error;
      }
    }
    if (Date.now() + delay > deadline) throw idempotencyInFlight();
    await sleep(delay);
  }
}
