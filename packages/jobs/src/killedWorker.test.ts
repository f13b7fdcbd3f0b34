// The promise the jobs package makes across processes: a worker killed with SIGKILL mid-job loses its
// lease when its heartbeat stops, and the job finishes exactly once in the next worker process.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createDb, type DbHandle, type PgliteServer, resultRows, startPgliteServer } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Jobs, startJobs } from "./jobQueue.ts";
import { until } from "./testing/appWorkers.ts";
import { createEffectsTables, effectsKind } from "./testing/effectsKind.ts";

const packageDir = path.resolve(import.meta.dirname, "..");

/** Node itself with tsx's loader, so SIGKILL reaches the worker and not a wrapper that would leave it running. */
function startWorker(url: string, mode: "hang" | "finish"): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/testing/workerProcess.ts", mode], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

describe("a worker process killed mid-job", () => {
  let server: PgliteServer;
  let handle: DbHandle;
  let jobs: Jobs;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    server = await startPgliteServer({ dataDir: "memory://" });
    handle = await createDb({ url: server.url, cache: false, migrate: false });
    await createEffectsTables(handle.db);
    jobs = await startJobs({ handle, url: server.url, superviseSeconds: 1 }, [effectsKind]);
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await jobs.stop({ graceful: false, timeoutMs: 2000 });
    await handle.close();
    await server.close();
  });

  it("is retried when its lease runs out and finishes once in the restarted worker", async () => {
    const key = "kill-test-1";
    await handle.db.transaction(async (tx) => {
      await jobs.enqueue(effectsKind, { label: "survives", failTimes: 0 }, { key, tx });
    });

    const first = startWorker(server.url, "hang");
    children.push(first);
    await until("the first attempt", async () => {
      const rows = resultRows(
        await handle.db.execute(sql`select 1 from test_job_attempts where key = ${key}`),
      );
      return rows.length > 0 ? true : undefined;
    });
    first.kill("SIGKILL");

    const second = startWorker(server.url, "finish");
    children.push(second);
    const status = await until("the job to complete", async () => {
      const s = await jobs.status(effectsKind, key);
      return s?.state === "completed" ? s : undefined;
    });

    const attempts = resultRows<{ attempt: number; pid: number }>(
      await handle.db.execute(
        sql`select attempt, pid from test_job_attempts where key = ${key} order by attempt`,
      ),
    );
    const effects = resultRows<{ pid: number }>(
      await handle.db.execute(sql`select pid from test_job_effects where key = ${key}`),
    );
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(attempts.map((a) => a.pid)).toEqual([first.pid, second.pid]);
    expect(effects).toEqual([{ pid: second.pid }]);
    expect(status.attempts).toBe(2);
  }, 90_000);
});
