// Idempotency-Key for the app's own mutations, with Stripe's semantics (runIdempotent from
// @switchyard/server): the key is claimed, the slow part runs outside any transaction, then the write
// and the key's completion commit in one transaction, so a failure between them never leaves a todo
// without its key (a retry creates it once) nor a key without its todo. A repeat replays the stored
// result; the same key with another body is 422 idempotency_mismatch; a duplicate still waiting is
// 409 idempotency_in_flight. Each action of each owner is a namespace: two users' keys never meet.
import type { Database } from "@switchyard/db";
import type { StoredResponse } from "@switchyard/router";
import { type IdempotentOutcome, type IdempotentSteps, runIdempotent } from "@switchyard/server";

/** What a key is unique within: one action ("todo:create") of one owner (the session's user id). */
export interface MutationScope {
  action: string;
  owner: string;
}

export type Once<T> = IdempotentOutcome<T>;

export interface OnceOptions {
  /** How long a duplicate waits for the first before 409 (default 15 s). */
  waitMs?: number;
}

export function runOnce<T extends StoredResponse, P = undefined>(
  db: Database,
  scope: MutationScope,
  key: string | undefined,
  body: unknown,
  steps: IdempotentSteps<T, P>,
  options: OnceOptions = {},
): Promise<Once<T>> {
  return runIdempotent(db, { namespace: `${scope.action}:${scope.owner}`, key, body, ...options }, steps);
}
