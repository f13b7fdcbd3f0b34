import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { resultRows } from "./database.ts";
import { type PgliteServer, startPgliteServer } from "./pgliteServer.ts";
import { committedMigrations } from "./testing/testDatabases.ts";

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, "..");
const tsx = path.join(packageDir, "node_modules", ".bin", "tsx");

describe("two processes starting at once against one database", () => {
  let server: PgliteServer;
  beforeAll(async () => {
    server = await startPgliteServer({ dataDir: "memory://", migrate: false });
  });
  afterAll(() => server.close());

  it("both start, and exactly one of them applies the migrations", async () => {
    const env = { ...process.env, DATABASE_URL: server.url };
    const migrate = () => run(tsx, ["src/migrateCli.ts"], { cwd: packageDir, env });
    const outputs = await Promise.all([migrate(), migrate()]);
    const reports = outputs.map((o) => JSON.parse(o.stdout.trim()) as { applied: number; total: number });
    expect(reports.map((r) => r.applied).sort()).toEqual([0, committedMigrations()]);

    const check = await createDb({ url: server.url, cache: false, migrate: false });
    try {
      const journal = resultRows<{ n: number }>(
        await check.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      );
      expect(journal[0]?.n).toBe(committedMigrations());
      const todoTables = resultRows<{ n: number }>(
        await check.db.execute(
          sql`select count(*)::int as n from information_schema.tables where table_name = 'todos'`,
        ),
      );
      expect(todoTables[0]?.n).toBe(1);
    } finally {
      await check.close();
    }
  });
});
