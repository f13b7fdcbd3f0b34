// One run of a job engine: start its workers on a database, enqueue N jobs (8 at a time, as requests
// would), and time each from enqueue to the start of its handler. Both engines get the same worker
// concurrency and polling interval; a run that stalls reports what finished by its deadline.
import { Logger, makeWorkerUtils, run as runGraphile } from "graphile-worker";
import pLimit from "p-limit";
import { PgBoss } from "pg-boss";

export interface RunSettings {
  jobs: number;
  workerConcurrency: number;
  pollSeconds: number;
  deadlineMs: number;
}

export interface EngineRun {
  engine: "pg-boss" | "pg-boss, batches of 8" | "graphile-worker";
  target: string;
  jobs: number;
  done: number;
  startMs: number;
  enqueueMsTotal: number;
  wallMs: number;
  latenciesMs: number[];
  error?: string;
}

type Tracker = ReturnType<typeof tracker>;

const quiet = new Logger(() => () => {});

function tracker(jobs: number, deadlineMs: number) {
  const sentAt = new Map<number, number>();
  const latenciesMs: number[] = [];
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    sent: (i: number) => sentAt.set(i, performance.now()),
    ran(i: number) {
      const at = sentAt.get(i);
      if (at === undefined) return;
      sentAt.delete(i);
      latenciesMs.push(performance.now() - at);
      if (latenciesMs.length === jobs) finish();
    },
    wait: () => Promise.race([allDone, new Promise((resolve) => setTimeout(resolve, deadlineMs))]),
    latenciesMs,
  };
}

async function timedRun(
  engine: EngineRun["engine"],
  target: string,
  settings: RunSettings,
  body: (t: Tracker, mark: (phase: "started" | "enqueued") => void) => Promise<void>,
): Promise<EngineRun> {
  const t = tracker(settings.jobs, settings.deadlineMs);
  const began = performance.now();
  const marks = { started: began, enqueued: began };
  const mark = (phase: "started" | "enqueued") => {
    marks[phase] = performance.now();
  };
  const result = (error?: string): EngineRun => ({
    engine,
    target,
    jobs: settings.jobs,
    done: t.latenciesMs.length,
    startMs: marks.started - began,
    enqueueMsTotal: marks.enqueued - marks.started,
    wallMs: performance.now() - marks.started,
    latenciesMs: t.latenciesMs,
    ...(error ? { error } : {}),
  });
  try {
    await body(t, mark);
    return result();
  } catch (error) {
    return result(error instanceof Error ? error.message : String(error));
  }
}

/**
 * pg-boss as the apps use it (one job per fetch, so a worker waits a poll between jobs), or with batches
 * of 8 that it fetches again at once while they come back full (its burst mode).
 */
export function runPgBoss(
  url: string,
  target: string,
  settings: RunSettings,
  batched = false,
): Promise<EngineRun> {
  const engine = batched ? "pg-boss, batches of 8" : "pg-boss";
  return timedRun(engine, target, settings, async (t, mark) => {
    const boss = new PgBoss({ connectionString: url, max: 4, schema: "bench_pgboss" });
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue("bench", { retryLimit: 2, retryBackoff: true });
      const polling = {
        pollingIntervalSeconds: settings.pollSeconds,
        localConcurrency: settings.workerConcurrency,
      };
      await boss.work<{ i: number }>(
        "bench",
        batched ? { ...polling, batchSize: 8, burstWhenBatchFull: true } : polling,
        async (jobs) => {
          for (const job of jobs) t.ran(job.data.i);
        },
      );
      mark("started");
      const limit = pLimit(8);
      await Promise.all(
        Array.from({ length: settings.jobs }, (_, i) =>
          limit(async () => {
            t.sent(i);
            await boss.send("bench", { i }, { singletonKey: `bench-${i}` });
          }),
        ),
      );
      mark("enqueued");
      await t.wait();
    } finally {
      await boss.stop({ graceful: false, timeout: 2000 }).catch(() => {});
    }
  });
}

export function runGraphileWorker(url: string, target: string, settings: RunSettings): Promise<EngineRun> {
  return timedRun("graphile-worker", target, settings, async (t, mark) => {
    const runner = await runGraphile({
      connectionString: url,
      concurrency: settings.workerConcurrency,
      pollInterval: settings.pollSeconds * 1000,
      noHandleSignals: true,
      crontab: "",
      logger: quiet,
      taskList: {
        bench: async (payload) => {
          t.ran((payload as { i: number }).i);
        },
      },
    });
    const utils = await makeWorkerUtils({ connectionString: url, logger: quiet });
    try {
      mark("started");
      const limit = pLimit(8);
      await Promise.all(
        Array.from({ length: settings.jobs }, (_, i) =>
          limit(async () => {
            t.sent(i);
            await utils.addJob("bench", { i }, { jobKey: `bench-${i}` });
          }),
        ),
      );
      mark("enqueued");
      await t.wait();
    } finally {
      await Promise.resolve(utils.release()).catch(() => {});
      await Promise.race([runner.stop().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
    }
  });
}
