// What the embedded database served over the wire really offers a job engine: how many connections it
// accepts, and whether LISTEN/NOTIFY, session advisory locks and FOR UPDATE SKIP LOCKED behave as on Postgres.
import pg from "pg";

export interface WireFacts {
  connectionsServed: number;
  connectionsTried: number;
  /** Which connection a NOTIFY sent on connection b reached while a LISTENs: "a" is Postgres's answer. */
  notifyReached: string[];
  /** Both connections took the same session advisory lock: it excludes nobody. */
  advisoryLockExcludes: boolean;
  /** The second SKIP LOCKED select waited for the first transaction instead of skipping its row. */
  skipLockedWaited: boolean;
  skipLockedRows: { first: number[]; second: number[] };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureWireFacts(url: string, connectionsTried = 40): Promise<WireFacts> {
  const a = new pg.Client(url);
  const b = new pg.Client(url);
  await a.connect();
  await b.connect();
  try {
    const notifyReached: string[] = [];
    a.on("notification", () => notifyReached.push("a"));
    b.on("notification", () => notifyReached.push("b"));
    await a.query("LISTEN bench_jobs_probe");
    await b.query("NOTIFY bench_jobs_probe, 'x'");
    await pause(300);
    await a.query("select 1");

    const first = await a.query("select pg_try_advisory_lock(4242) as ok");
    const second = await b.query("select pg_try_advisory_lock(4242) as ok");
    await a.query("select pg_advisory_unlock_all()");
    await b.query("select pg_advisory_unlock_all()");

    await a.query("create table if not exists bench_probe_rows(id int primary key)");
    await a.query("insert into bench_probe_rows values (1), (2) on conflict do nothing");
    await a.query("begin");
    const lockedByA = await a.query(
      "select id from bench_probe_rows order by id limit 1 for update skip locked",
    );
    const pickedByB = b
      .query("select id from bench_probe_rows order by id limit 1 for update skip locked")
      .then((r) => ({ at: performance.now(), rows: r.rows as { id: number }[] }));
    await pause(300);
    const commitAt = performance.now();
    await a.query("commit");
    const byB = await pickedByB;
    await a.query("drop table bench_probe_rows");

    const extra = await Promise.all(
      Array.from({ length: connectionsTried - 2 }, async () => {
        const c = new pg.Client(url);
        c.on("error", () => {});
        try {
          await c.connect();
          await c.query("select 1");
          return c;
        } catch {
          // A refused connection still holds its socket open, which would keep the server from closing.
          (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
          return null;
        }
      }),
    );
    await Promise.all(extra.map((c) => c?.end().catch(() => {})));

    return {
      connectionsServed: 2 + extra.filter(Boolean).length,
      connectionsTried,
      notifyReached,
      advisoryLockExcludes: !(first.rows[0].ok && second.rows[0].ok),
      skipLockedWaited: byB.at >= commitAt,
      skipLockedRows: {
        first: (lockedByA.rows as { id: number }[]).map((r) => r.id),
        second: byB.rows.map((r) => r.id),
      },
    };
  } finally {
    await a.end().catch(() => {});
    await b.end().catch(() => {});
  }
}
