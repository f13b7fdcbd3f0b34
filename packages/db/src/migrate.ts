import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Database, resultRows } from "./database.ts";

/** Arbitrary but fixed: every Switchyard process migrating any database takes this lock. */
const MIGRATION_LOCK_ID = 7_362_911_004;

export interface MigrationResult {
  /** Migrations this call applied (0 when the database was already up to date). */
  applied: number;
  total: number;
}

/**
 * Applies the committed migrations, compatible with drizzle-kit's `drizzle.__drizzle_migrations` table.
 *
 * Why not drizzle's own `migrate()`: it reads the applied list outside its transaction, and a session-level
 * `pg_advisory_lock` does not exclude anyone on PGlite served over the wire, where every connection shares one
 * backend session. Here the whole check-and-apply runs in one transaction that starts with
 * `pg_advisory_xact_lock`: on Postgres the lock serialises processes, on pglite-socket the open transaction
 * holds every other connection's queries until it commits. Either way the second process sees the first's
 * rows and applies nothing.
 */
export async function applyMigrations(db: Database, migrationsFolder: string): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder });
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`));
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const [last] = resultRows<{ created_at: string | number }>(
      await tx.execute(
        sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      ),
    );
    const lastMillis = last ? Number(last.created_at) : -1;
    let applied = 0;
    for (const migration of migrations) {
      if (migration.folderMillis <= lastMillis) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied++;
    }
    return { applied, total: migrations.length };
  });
}
