// One database handle per server process, shared by every route of an app.
import { createDb, type DbHandle } from "@switchyard/db";

export function getDb(): Promise<DbHandle> {
  // createDb caches per target on globalThis, so this is cheap after the first call.
  return createDb();
}

/** The label the UI shows for the database; `npm run dev` names the embedded database it serves. */
export function databaseLabel(db: DbHandle): string {
  return process.env.SWITCHYARD_DB_LABEL || db.label;
}
