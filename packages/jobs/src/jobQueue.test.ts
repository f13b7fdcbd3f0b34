// The job queue on an in-process PGlite: one job per key, enqueued only when the caller's transaction
// commits; a failing job is retried with backoff and then handed to its dead-letter worker with its error.
import { createDb, type DbHandle, resultRows } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jobIdForKey } from "./jobIds.ts";
import { jobKind } from "./jobKind.ts";
import { type DeadJob, type Jobs, startJobs } from "./jobQueue.ts";
import { reasonOf } from "./jobReason.ts";

const flaky = jobKind({
  name: "test.flaky",
  data: z.object({ failTimes: z.number().int() }),
  retryLimit: 1,
  retryDelaySeconds: 1,
  heartbeatSeconds: 10,
});

describe("jobs on one database", () => {
  let handle: DbHandle;
  let jobs: Jobs;
  const attempts = new Map<string, number[]>();
  const dead: DeadJob<{ failTimes: number }>[] = [];

  beforeAll(async () => {
    handle = await createDb({ dataDir: "memory://", cache: false });
    jobs = await startJobs({ handle, pollSeconds: 0.5, superviseSeconds: 1 }, [flaky]);
    await jobs.work({
      kind: flaky,
      async run(data, ctx) {
        attempts.set(ctx.key, [...(attempts.get(ctx.key) ?? []), ctx.attempt]);
        if (ctx.attempt <= data.failTimes) throw new Error(`attempt ${ctx.attempt} failed on purpose`);
        return { ranOn: ctx.attempt };
      },
      async dead(job) {
        dead.push(job);
      },
    });
  });
  afterAll(async () => {
    await jobs.stop({ graceful: false, timeoutMs: 2000 }).catch(() => {});
    await handle.close();
  });

  async function settled(key: string) {
    return settledOn(jobs, key);
  }

  async function settledOn(queue: Jobs, key: string) {
    for (let i = 0; i < 120; i++) {
      const status = await queue.status(flaky, key);
      if (status?.state === "completed" || status?.state === "failed") return status;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`job ${key} never settled`);
  }

  it("settled() answers every waiter of a job once it finishes (one query a tick for all), null for no job", async () => {
    await jobs.enqueue(flaky, { failTimes: 1 }, { key: "watched" });
    const [first, second] = await Promise.all([
      jobs.settled(flaky, "watched"),
      jobs.settled(flaky, "watched"),
    ]);
    expect(first).toMatchObject({ state: "completed", attempts: 2, output: { ranOn: 2 } });
    expect(second).toEqual(first);
    expect(await jobs.settled(flaky, "never-enqueued")).toBeNull();
  });

  it("schedule() keeps one cron schedule per kind, however many instances call it", async () => {
    await jobs.schedule(flaky, "17 * * * *", { failTimes: 0 });
    await jobs.schedule(flaky, "17 * * * *", { failTimes: 0 });
    const rows = resultRows<{ cron: string }>(
      await handle.db.execute(sql`select cron from pgboss.schedule where name = ${flaky.name}`),
    );
    expect(rows).toEqual([{ cron: "17 * * * *" }]);
  });

  it("creates one job per key, and none when the caller's transaction rolls back", async () => {
    const first = await handle.db.transaction((tx) =>
      jobs.enqueue(flaky, { failTimes: 0 }, { key: "once", tx }),
    );
    const again = await jobs.enqueue(flaky, { failTimes: 0 }, { key: "once" });
    expect(first).toEqual({ id: jobIdForKey("test.flaky", "once"), created: true });
    expect(again).toEqual({ id: first.id, created: false });

    await expect(
      handle.db.transaction(async (tx) => {
        await jobs.enqueue(flaky, { failTimes: 0 }, { key: "rolled-back", tx });
        throw new Error("the tracking row could not be written");
      }),
    ).rejects.toThrow("tracking row");
    expect(await jobs.status(flaky, "rolled-back")).toBeNull();

    expect((await settled("once")).state).toBe("completed");
    expect(attempts.get("once")).toEqual([1]);
  });

  it("retries a failed attempt, then completes", async () => {
    await jobs.enqueue(flaky, { failTimes: 1 }, { key: "retried" });
    const status = await settled("retried");
    expect(status).toMatchObject({ state: "completed", attempts: 2, output: { ranOn: 2 } });
    expect(attempts.get("retried")).toEqual([1, 2]);
  });

  it("hands a job out of retries to the dead-letter worker with its error", async () => {
    await jobs.enqueue(flaky, { failTimes: 5 }, { key: "doomed" });
    const status = await settled("doomed");
    expect(status).toMatchObject({ state: "failed", attempts: 2, reason: "attempt 2 failed on purpose" });
    for (let i = 0; i < 60 && dead.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(dead).toEqual([
      {
        id: jobIdForKey("test.flaky", "doomed"),
        key: "doomed",
        data: { failTimes: 5 },
        reason: "attempt 2 failed on purpose",
        attempts: 2,
      },
    ]);
    const rows = resultRows<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'test.flaky.dead'`),
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("runs a batch at once and settles each job by itself", async () => {
    const batch = await startJobs({ handle, pollSeconds: 0.5, superviseSeconds: 1, schema: "pgboss" }, [
      flaky,
    ]);
    const started: string[] = [];
    try {
      await jobs.stop({ graceful: true, timeoutMs: 5000 });
      await batch.work({
        kind: flaky,
        concurrency: 4,
        batched: true,
        async run(data, ctx) {
          started.push(ctx.key);
          if (ctx.attempt <= data.failTimes) throw new Error(`batch attempt ${ctx.attempt} failed`);
          return { ranOn: ctx.attempt };
        },
        async dead() {},
      });
      for (const key of ["b1", "b2", "b3"]) await batch.enqueue(flaky, { failTimes: 0 }, { key });
      await batch.enqueue(flaky, { failTimes: 1 }, { key: "b4" });
      for (const key of ["b1", "b2", "b3"])
        expect(await settledOn(batch, key)).toMatchObject({ state: "completed", attempts: 1 });
      expect(await settledOn(batch, "b4")).toMatchObject({
        state: "completed",
        attempts: 2,
        output: { ranOn: 2 },
      });
      expect(started.filter((k) => k === "b4")).toHaveLength(2);
    } finally {
      await batch.stop({ graceful: false, timeoutMs: 2000 });
    }
  });

  it("says why in one short line", () => {
    expect(reasonOf({ message: "boom\n  at stack" })).toBe("boom at stack");
    expect(reasonOf(null)).toBe("unknown error");
    expect(reasonOf({ value: "x".repeat(400) })).toHaveLength(300);
  });
});
