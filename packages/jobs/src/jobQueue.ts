// Durable jobs on pg-boss, in the app's own database: a job is enqueued inside the caller's transaction
// (so it exists exactly when the row that tracks it does) under an id derived from the request's
// idempotency key, workers hold a heartbeat lease, failures retry with backoff, and a job out of retries
// goes to its kind's dead-letter queue, whose worker records why it died.
import type { DbHandle } from "@switchyard/db";
import { type SQL, sql } from "drizzle-orm";
import {
  type DrizzleTransactionLike,
  fromDrizzle,
  fromPglite,
  type JobWithMetadata,
  type PGliteLike,
  PgBoss,
} from "pg-boss";
import { jobIdForKey } from "./jobIds.ts";
import type { JobKind } from "./jobKind.ts";
import { reasonOf } from "./jobReason.ts";
import { envelope, FINISHED, readJobStatuses } from "./jobStatus.ts";
import { JobWatcher } from "./jobWatcher.ts";

/** Anything drizzle can execute a statement on: the app's db or a transaction of it. */
export interface SqlExecutor {
  execute(query: SQL): PromiseLike<unknown>;
}

export interface StartJobsOptions {
  handle: Pick<DbHandle, "db" | "kind">;
  /** The server's URL when `handle` is a Postgres connection; defaults to DATABASE_URL. */
  url?: string;
  /** Postgres schema pg-boss keeps its tables in (default "pgboss"). */
  schema?: string;
  /** How often an idle worker looks for work (default 1 s). */
  pollSeconds?: number;
  /** How often this process looks for leases that ran out (default 10 s). */
  superviseSeconds?: number;
  /** Connections of pg-boss's own pool on the Postgres path (default 3). */
  poolMax?: number;
  /** How often `settled()` reads the state of every job this process waits for, in one query (default 250 ms). */
  watchMs?: number;
  onError?: (error: Error) => void;
}

export interface JobContext {
  id: string;
  key: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  lastAttempt: boolean;
  /** Aborted when the worker stops or the job is cancelled. */
  signal: AbortSignal;
}

export interface DeadJob<T> {
  id: string;
  key: string;
  data: T;
  /** The last attempt's error message, or why its lease ran out. */
  reason: string;
  attempts: number;
}

export interface JobWorker<T> {
  kind: JobKind<T>;
  /** What it resolves with is kept as the job's output (`status().output`); JSON only. */
  run(data: T, ctx: JobContext): Promise<unknown>;
  /** Called once when the job is out of retries (its error, a lost lease, a time-out). */
  dead(job: DeadJob<T>): Promise<void>;
  concurrency?: number;
  /**
   * Fetch up to `concurrency` jobs per poll and run them together (one poll loop, for many short jobs);
   * otherwise `concurrency` loops fetch one job each (for long jobs).
   */
  batched?: boolean;
}

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export interface JobStatus {
  id: string;
  state: JobState;
  attempts: number;
  reason: string | null;
  /** What `run` resolved with, once completed. */
  output: unknown;
  /** The data the job was enqueued with (a repeat of its key compares its own against it). */
  data: unknown;
}

export interface Jobs {
  /** Enqueues once per key: `created` is false when a job with this kind and key already exists. */
  enqueue<T>(
    kind: JobKind<T>,
    data: T,
    opts: { key: string; tx?: SqlExecutor },
  ): Promise<{ id: string; created: boolean }>;
  status(kind: JobKind<unknown>, key: string): Promise<JobStatus | null>;
  /**
   * Resolves once the key's job is completed, failed or cancelled (its status), or gone (null). Every
   * waiter of a process shares one query per `watchMs`, however many there are.
   */
  settled(kind: JobKind<unknown>, key: string): Promise<JobStatus | null>;
  work<T>(worker: JobWorker<T>): Promise<void>;
  /**
   * Enqueues a job of `kind` with `data` on a cron schedule (UTC). Every instance may call it at start:
   * the schedule is one row per kind, and pg-boss sends each occurrence once, whichever instance is up.
   */
  schedule<T>(kind: JobKind<T>, cron: string, data: T): Promise<void>;
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

function bossFor(opts: StartJobsOptions): PgBoss {
  const common = {
    schema: opts.schema ?? "pgboss",
    superviseIntervalSeconds: opts.superviseSeconds ?? 10,
    monitorIntervalSeconds: opts.superviseSeconds ?? 10,
  };
  if (opts.handle.kind === "pglite") {
    // The embedded PGlite in this process: pg-boss runs on it directly (its pglite backend).
    const client = (opts.handle.db as unknown as { $client: PGliteLike }).$client;
    return new PgBoss({ ...common, db: fromPglite(client), backend: "pglite" });
  }
  const url = opts.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("startJobs: a Postgres handle needs its url (or DATABASE_URL)");
  return new PgBoss({ ...common, connectionString: url, max: opts.poolMax ?? 3 });
}

/**
 * Starts pg-boss on the app's database: installs or migrates its schema (under pg-boss's own lock, in
 * one transaction), creates each kind's queue and dead-letter queue, and begins supervising leases.
 */
export async function startJobs(opts: StartJobsOptions, kinds: JobKind<unknown>[]): Promise<Jobs> {
  const boss = bossFor(opts);
  boss.on("error", (error) => opts.onError?.(error));
  await boss.start();
  for (const kind of kinds) await ensureQueues(boss, kind);
  const pollSeconds = opts.pollSeconds ?? 1;
  const schema = opts.schema ?? "pgboss";
  // Request traffic (enqueue, status, waiting) goes through the app's own pool; pg-boss's small pool is
  // left to its workers and supervisor (1000 requests polling through its three connections timed out).
  const appDb = fromDrizzle(opts.handle.db as unknown as DrizzleTransactionLike, sql);
  const watchers = new Map<string, JobWatcher<JobStatus>>();
  const watcherOf = (name: string) => {
    let watcher = watchers.get(name);
    if (!watcher) {
      watcher = new JobWatcher<JobStatus>({
        read: (ids) => readJobStatuses(appDb, schema, name, ids),
        isFinished: (status) => FINISHED.has(status.state),
        intervalMs: opts.watchMs ?? 250,
        onError: (error) => opts.onError?.(error),
      });
      watchers.set(name, watcher);
    }
    return watcher;
  };

  return {
    async enqueue(kind, data, { key, tx }) {
      const id = jobIdForKey(kind.name, key);
      const payload = { key, data: kind.data.parse(data) };
      const sent = await boss.send(kind.name, payload, {
        id,
        // Both drivers' results are shapes pg-boss's adapter reads (rows, or an array of rows).
        db: tx ? fromDrizzle(tx as DrizzleTransactionLike, sql) : appDb,
      });
      return { id, created: sent !== null };
    },

    async status(kind, key) {
      const id = jobIdForKey(kind.name, key);
      return (await readJobStatuses(appDb, schema, kind.name, [id])).get(id) ?? null;
    },

    settled(kind, key) {
      return watcherOf(kind.name).settled(jobIdForKey(kind.name, key));
    },

    async work<T>(worker: JobWorker<T>) {
      const { kind } = worker;
      const concurrency = worker.concurrency ?? 1;
      const runOne = (job: JobWithMetadata<unknown>) => {
        const { key, data } = envelope.parse(job.data);
        return worker.run(kind.data.parse(data), {
          id: job.id,
          key,
          attempt: job.retryCount + 1,
          lastAttempt: job.retryCount >= job.retryLimit,
          signal: job.signal,
        });
      };
      if (worker.batched && concurrency > 1) {
        // One poll loop fetching up to `concurrency` jobs, all run at once and each settled by its own
        // result; while batches come back full it fetches again without waiting for the poll.
        const options = {
          includeMetadata: true,
          batchSize: concurrency,
          burstWhenBatchFull: true,
          perJobResults: true,
          pollingIntervalSeconds: pollSeconds,
        } as const;
        await boss.work<unknown, unknown, typeof options>(kind.name, options, (jobs) =>
          Promise.all(
            jobs.map(async (job) => {
              try {
                return { id: job.id, status: "completed" as const, output: await runOne(job) };
              } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                return { id: job.id, status: "failed" as const, output: { message } };
              }
            }),
          ),
        );
      } else {
        // `concurrency` poll loops of one job each: a job waits at most one poll, however long the others run.
        const options = {
          includeMetadata: true,
          batchSize: 1,
          pollingIntervalSeconds: pollSeconds,
          localConcurrency: concurrency,
        } as const;
        await boss.work<unknown, unknown, typeof options>(kind.name, options, async ([job]) =>
          job ? runOne(job) : undefined,
        );
      }
      const deadOptions = {
        includeMetadata: true,
        batchSize: 1,
        pollingIntervalSeconds: pollSeconds,
      } as const;
      await boss.work<unknown, unknown, typeof deadOptions>(
        kind.deadLetterName,
        deadOptions,
        async ([job]) => {
          if (job) await worker.dead(deadJob(kind, job));
        },
      );
    },

    async schedule(kind, cron, data) {
      await boss.schedule(kind.name, cron, { key: `schedule:${kind.name}`, data: kind.data.parse(data) });
    },

    async stop({ graceful = true, timeoutMs = 10_000 } = {}) {
      for (const watcher of watchers.values()) watcher.stop();
      await boss.stop({ graceful, timeout: timeoutMs, close: true });
    },
  };
}

function deadJob<T>(kind: JobKind<T>, job: JobWithMetadata<unknown>): DeadJob<T> {
  const { key, data } = envelope.parse(job.data);
  return {
    id: job.sourceId ?? job.id,
    key,
    data: kind.data.parse(data),
    reason: reasonOf(job.sourceOutput),
    attempts: (job.sourceRetryCount ?? 0) + 1,
  };
}

async function ensureQueues(boss: PgBoss, kind: JobKind<unknown>): Promise<void> {
  const options = {
    retryLimit: kind.retryLimit,
    retryDelay: kind.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: kind.expireInSeconds,
  };
  if (!(await boss.getQueue(kind.deadLetterName)))
    await boss.createQueue(kind.deadLetterName, { retryLimit: 5, retryBackoff: true });
  if (await boss.getQueue(kind.name)) await boss.updateQueue(kind.name, options);
  else
    await boss.createQueue(kind.name, {
      ...options,
      heartbeatSeconds: kind.heartbeatSeconds,
      deadLetter: kind.deadLetterName,
    });
}
