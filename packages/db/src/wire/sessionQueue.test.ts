import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgliteServer, startPgliteServer } from "../pgliteServer.ts";

describe("PGlite served over the wire to several pooled clients", () => {
  let server: PgliteServer;
  let appA: postgres.Sql;
  let appB: postgres.Sql;
  beforeAll(async () => {
    server = await startPgliteServer({ dataDir: "memory://" });
    appA = postgres(server.url, { max: 4, onnotice: () => {} });
    appB = postgres(server.url, { max: 4, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all([appA.end(), appB.end()]);
    await server.close();
  });

  it("answers every concurrent parameterised query with its own result", async () => {
    // Unsafe, unprepared queries use the unnamed statement, the one pglite-socket's own queue lets clobber.
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        (i % 2 ? appA : appB).unsafe("select $1::int * 2 as doubled, $2::text as tag", [i, `q${i}`]),
      ),
    );
    expect(results.map((rows) => rows[0])).toEqual(
      Array.from({ length: 120 }, (_, i) => ({ doubled: i * 2, tag: `q${i}` })),
    );
  });

  it("never lets another client read inside one client's open transaction", async () => {
    await appA`create table if not exists notes (body text)`;
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = appA
      .begin(async (sql) => {
        await sql`insert into notes values ('never committed')`;
        inserted();
        await held;
        throw new Error("roll back");
      })
      .catch(() => "rolled back");

    await insertDone;
    // PGlite has one session: a read let in now would see the uncommitted row. It must wait for the rollback.
    const read = appB`select count(*)::int as n from notes`;
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    expect(await tx).toBe("rolled back");
    expect((await read)[0]).toEqual({ n: 0 });
  });
});
