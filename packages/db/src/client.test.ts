import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { DbConfigError } from "./env.ts";
import { postgresLabel } from "./label.ts";
import { startPgliteServer } from "./pgliteServer.ts";

describe("createDb", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("names a Postgres server without its credentials", () => {
    const label = postgresLabel("postgres://app:s3cret@db.example.com:6543/switchyard?sslmode=require");
    expect(label).toBe("Postgres at db.example.com:6543/switchyard");
    expect(label).not.toContain("s3cret");
  });

  it("says when DATABASE_URL points at the embedded PGlite served over the wire", async () => {
    const server = await startPgliteServer({ dataDir: "memory://" });
    const handle = await createDb({ env: { DATABASE_URL: server.url }, cache: false });
    try {
      expect(handle.kind).toBe("postgres");
      expect(handle.label).toBe(`embedded PGlite served at 127.0.0.1:${server.port}`);
      expect(await handle.ping()).toMatchObject({ ok: true, version: expect.stringContaining("PGlite") });
    } finally {
      await handle.close();
      await server.close();
    }
  });

  it("opens one embedded database per data folder and process, until it is closed", async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "switchyard-db-")), "pglite");
    dirs.push(path.dirname(dataDir));
    const [a, b] = await Promise.all([createDb({ dataDir }), createDb({ dataDir })]);
    expect(a).toBe(b);
    expect(a.kind).toBe("pglite");
    expect(a.label).toBe(`embedded PGlite (${dataDir})`);
    await a.close();
    const c = await createDb({ dataDir, migrate: false });
    expect(c).not.toBe(a);
    await c.close();
  });

  it("refuses a malformed DATABASE_URL with a typed error", async () => {
    await expect(createDb({ env: { DATABASE_URL: "mysql://nope" } })).rejects.toThrow(DbConfigError);
  });

  it("reports an unreachable server through ping instead of throwing", async () => {
    const handle = await createDb({ url: "postgres://u:pw@127.0.0.1:1/none", migrate: false, cache: false });
    try {
      const ping = await handle.ping();
      expect(ping.ok).toBe(false);
      expect(ping.error).not.toContain("pw");
    } finally {
      await handle.close();
    }
  });
});
