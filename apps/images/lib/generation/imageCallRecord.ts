// The router's idempotency record of a generation's image call, as the images app handles it. While the
// image is being saved, the record (with the image's bytes) is the checkpoint that lets a retry after a
// crash replay the drawn image instead of paying for it twice; once the row is saved, the row is the
// reference every repeat reads, so the row's own transaction empties the record's images (its routing
// and fingerprint stay, so the key still guards). A retried job also releases a claim its dead worker
// left, instead of waiting out the router's lease (5 minutes).
import { type Database, idempotencyKeys } from "@switchyard/db";
import { idempotencyScope } from "@switchyard/router";
import { and, eq, sql } from "drizzle-orm";

// PgIdempotencyStore's default namespace (the router's), and the app the images router is created for.
const ROUTER_NAMESPACE = "router";
const ROUTER_APP = "images";

const recordOf = (owner: string, idempotencyKey: string) =>
  and(
    eq(idempotencyKeys.namespace, ROUTER_NAMESPACE),
    eq(idempotencyKeys.key, idempotencyScope(ROUTER_APP, owner, idempotencyKey)),
  );

/**
 * In the transaction that saves the image's row: the stored answer keeps no image (a replay finds none
 * and reads the row instead). The answer is stored as `{ value: <the provider's JSON>, routing }`.
 */
export async function dropStoredImageBytes(
  tx: Database,
  owner: string,
  idempotencyKey: string,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ response: sql`jsonb_set(${idempotencyKeys.response}, '{value,data}', '[]'::jsonb)` })
    .where(and(recordOf(owner, idempotencyKey), eq(idempotencyKeys.state, "completed")));
}

/**
 * For a job's second or later attempt: the attempt before it lost its lease (its worker died), so a claim
 * it left in progress is abandoned; released, this attempt calls at once. A completed call stays (replayed).
 */
export async function releaseAbandonedImageCall(
  db: Database,
  owner: string,
  idempotencyKey: string,
): Promise<boolean> {
  const released = await db
    .delete(idempotencyKeys)
    .where(and(recordOf(owner, idempotencyKey), eq(idempotencyKeys.state, "in_progress")))
    .returning({ key: idempotencyKeys.key });
  return released.length > 0;
}
