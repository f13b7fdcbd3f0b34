import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";

/** The drizzle database both drivers give: embedded PGlite and postgres.js share this query API. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** `db.execute` returns `{ rows }` on PGlite and an array on postgres.js; this gives the rows either way. */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

const singleSession = new WeakSet<object>();

/** Marks a database whose every query runs in the same session (the embedded PGlite). */
export function markSingleSession(db: Database): void {
  singleSession.add(db);
}

/**
 * True for the embedded PGlite: one session serves every query, so a session-level `SET` stays in force
 * for all later ones. A postgres.js pool spreads queries over connections, where it would not.
 */
export function isSingleSession(db: Database): boolean {
  return singleSession.has(db);
}
