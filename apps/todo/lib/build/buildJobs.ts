// Plan & build steps as durable jobs: a route saves the build and enqueues its job in one transaction;
// a worker (in this process, or the app's worker process with SWITCHYARD_WORKERS=separate) runs the steps
// from where the build stands. A worker that dies loses its lease and the job is retried; a job out of
// retries fails the build with the reason, which the page shows beside Retry.
import type { Database } from "@switchyard/db";
import { type Jobs, jobKind, runsWorkers, startJobs } from "@switchyard/jobs";
import { getDb, processSingleton } from "@switchyard/server";
import { z } from "zod";
import type { BuildChain } from "./buildChain.ts";
import type { StepRunner } from "./buildSteps.ts";
import { isInProgress } from "./buildSteps.ts";
import { postgresBuildStore } from "./buildStore.ts";

export const buildStepsJob = jobKind({
  name: "todo.build-steps",
  data: z.object({
    owner: z.string(),
    todoId: z.string(),
    run: z.number().int(),
    tier: z.enum(["auto", "fast", "strong"]),
    userId: z.string().optional(),
  }),
  retryLimit: 2,
  retryDelaySeconds: 5,
  // A sandboxed check can take 15 s; the lease is refreshed every half heartbeat while a step runs.
  heartbeatSeconds: 30,
  expireInSeconds: 30 * 60,
});

/** Steps as jobs. The job's key is the build's own (owner, todo, run, n-th job of the run). */
export function jobSteps(db: Database, jobs: Jobs): StepRunner {
  return {
    async run(build, tier, routing) {
      const n = (build.stepsJob?.n ?? 0) + 1;
      const key = `${build.owner}:${build.todoId}:${build.run}:${n}`;
      const saved = { ...build, stepsJob: { key, n }, resumed: undefined };
      const data = {
        owner: build.owner,
        todoId: build.todoId,
        run: build.run,
        tier,
        userId: routing?.userId,
      };
      await db.transaction(async (tx) => {
        await postgresBuildStore(tx as unknown as Database).save(saved);
        await jobs.enqueue(buildStepsJob, data, { key, tx });
      });
      return { build: saved, done: Promise.resolve(saved) };
    },

    async stopped(build) {
      const job = build.stepsJob;
      if (!job) return "no worker was running it when the server restarted";
      const status = await jobs.status(buildStepsJob, job.key);
      if (status?.state === "created" || status?.state === "retry" || status?.state === "active") return null;
      if (status?.state === "failed")
        return `its worker failed ${status.attempts} times (last: ${status.reason ?? "unknown error"})`;
      // The job saves the build before it completes: read the build again before calling it stuck.
      const now = await postgresBuildStore(db).latest(build.owner, build.todoId);
      if (!now || !isInProgress(now) || now.stepsJob?.key !== job.key) return null;
      return status ? `its job ended (${status.state}) before the build moved on` : "its job is gone";
    },
  };
}

/**
 * A model call still claimed by a worker that died holds its idempotency key until the key's lease runs
 * out (the router answers idempotency_in_flight meanwhile): the job retries later rather than fail the build.
 */
export const retryLater = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "idempotency_in_flight";

/** One job queue per process for the todo app; it also runs the build workers unless they run apart. */
export function todoJobs(chain: () => Promise<BuildChain>, role: "app" | "worker" = "app"): Promise<Jobs> {
  return processSingleton(`switchyard.todo.jobs.${role}`, async () => {
    const handle = await getDb();
    const jobs = await startJobs({ handle }, [buildStepsJob]);
    if (runsWorkers(role)) await jobs.work(buildStepsWorker(chain));
    return jobs;
  });
}

export function buildStepsWorker(chain: () => Promise<BuildChain>) {
  return {
    kind: buildStepsJob,
    concurrency: 2,
    async run(data: z.infer<typeof buildStepsJob.data>, ctx: { key: string; attempt: number }) {
      const builds = await chain();
      const build = await builds.get(data.owner, data.todoId);
      // Another run or a later job took over, or the steps already finished: nothing left for this job.
      if (!build || build.run !== data.run || !isInProgress(build) || build.stepsJob?.key !== ctx.key) return;
      const resumed =
        ctx.attempt > 1
          ? { ...build, resumed: { attempt: ctx.attempt, step: build.status, at: new Date().toISOString() } }
          : build;
      await builds.advance(resumed, data.tier, data.userId ? { userId: data.userId } : undefined);
    },
    async dead(job: {
      key: string;
      data: z.infer<typeof buildStepsJob.data>;
      reason: string;
      attempts: number;
    }) {
      const builds = await chain();
      await builds.abandon(
        job.data.owner,
        job.data.todoId,
        job.key,
        `its worker failed ${job.attempts} times (last: ${job.reason})`,
      );
    },
  };
}
