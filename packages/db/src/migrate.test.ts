import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { resultRows } from "./database.ts";
import { applyMigrations } from "./migrate.ts";
import { defaultMigrationsFolder } from "./paths.ts";
import { committedMigrations } from "./testing/testDatabases.ts";

const MIGRATIONS = committedMigrations();
const TABLES = [
  "accounts",
  "answer_feedback",
  "budget_holds",
  "budget_spend",
  "budgets",
  "catalog_syncs",
  "credit_snapshots",
  "dial_settings",
  "gateway_keys",
  "idempotency_keys",
  "images",
  "llm_calls",
  "model_prices",
  "rate_limits",
  "sessions",
  "todo_builds",
  "todos",
  "users",
  "verifications",
];

describe("migrations", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("create every table and the vector extension, and a second run applies nothing", async () => {
    const handle = await createDb({ dataDir: "memory://" });
    try {
      expect(handle.migrations).toEqual({ applied: MIGRATIONS, total: MIGRATIONS });
      const tables = resultRows<{ table_name: string }>(
        await handle.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        ),
      ).map((r) => r.table_name);
      expect(tables).toEqual(TABLES);
      const ping = await handle.ping();
      expect(ping).toMatchObject({ ok: true, vector: expect.stringMatching(/^\d+\.\d+/) });

      const again = await applyMigrations(handle.db, defaultMigrationsFolder());
      expect(again).toEqual({ applied: 0, total: MIGRATIONS });
      const journal = resultRows<{ n: number }>(
        await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      );
      expect(journal[0]?.n).toBe(MIGRATIONS);
    } finally {
      await handle.close();
    }
  });

  it("keep data in a folder across reopenings, creating the folder when missing", async () => {
    const parent = await mkdtemp(path.join(tmpdir(), "switchyard-db-"));
    dirs.push(parent);
    const dataDir = path.join(parent, "nested", "pglite");

    const first = await createDb({ dataDir, cache: false });
    await first.db.execute(sql`insert into todos (owner, title) values ('u1', 'survives a restart')`);
    await first.close();

    const second = await createDb({ dataDir, cache: false });
    try {
      expect(second.migrations?.applied).toBe(0);
      const rows = resultRows<{ title: string }>(await second.db.execute(sql`select title from todos`));
      expect(rows.map((r) => r.title)).toEqual(["survives a restart"]);
    } finally {
      await second.close();
    }
  });
});
