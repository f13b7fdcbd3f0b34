// The job kind the tests run: each attempt records itself, and a finished job writes its one effect row,
// so a test can count attempts and effects across processes.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { jobKind } from "../jobKind.ts";
import type { SqlExecutor } from "../jobQueue.ts";

export const effectsKind = jobKind({
  name: "test.effects",
  data: z.object({ label: z.string(), failTimes: z.number().int().default(0) }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  heartbeatSeconds: 10,
  expireInSeconds: 120,
});

export async function createEffectsTables(db: SqlExecutor): Promise<void> {
  await db.execute(
    sql`create table if not exists test_job_attempts (key text not null, attempt int not null, pid int not null)`,
  );
  await db.execute(sql`create table if not exists test_job_effects (key text primary key, pid int not null)`);
}

export async function recordAttempt(db: SqlExecutor, key: string, attempt: number): Promise<void> {
  await db.execute(
    sql`insert into test_job_attempts (key, attempt, pid) values (${key}, ${attempt}, ${process.pid})`,
  );
}

/** The job's effect, written once whatever happens before: a retry that finds it done changes nothing. */
export async function recordEffect(db: SqlExecutor, key: string): Promise<void> {
  await db.execute(
    sql`insert into test_job_effects (key, pid) values (${key}, ${process.pid}) on conflict (key) do nothing`,
  );
}
