// Plan & build steps as jobs across processes: the app's worker process (worker.ts) is killed with SIGKILL
// while it checks a build's code; its lease runs out and a restarted worker process finishes the build
// once: one run, one revision, the coder's paid answer never asked for again.
import path from "node:path";
import { createDb, type DbHandle, type PgliteServer, startPgliteServer, todos } from "@switchyard/db";
import { type Jobs, startJobs } from "@switchyard/jobs";
import { appWorkers, until } from "@switchyard/jobs/testing";
import { startLocalProvider } from "@switchyard/local-provider";
import type { Router } from "@switchyard/router";
import { runInSandbox } from "@switchyard/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildChain, createBuildChain } from "./buildChain.ts";
import { buildStepsJob, jobSteps } from "./buildJobs.ts";
import { postgresBuildStore } from "./buildStore.ts";

const appDir = path.resolve(import.meta.dirname, "../..");
const OWNER = "job-builder";

let provider: Awaited<ReturnType<typeof startLocalProvider>>;
let server: PgliteServer;
let handle: DbHandle;
let jobs: Jobs;
let chain: BuildChain;

const workers = appWorkers(appDir);
const startWorker = () => workers.start({ DATABASE_URL: server.url, LOCAL_PROVIDER_URL: provider.url });

beforeAll(async () => {
  provider = await startLocalProvider();
  server = await startPgliteServer({ dataDir: "memory://" });
  handle = await createDb({ url: server.url, cache: false, migrate: false });
  jobs = await startJobs({ handle, url: server.url }, [buildStepsJob]);
  // This process only saves builds and enqueues their jobs; the worker processes make every model call.
  const router = { chat: () => Promise.reject(new Error("not in the test process")) } as unknown as Router;
  const store = postgresBuildStore(handle.db);
  chain = createBuildChain({ router, runChecks: runInSandbox, store, steps: jobSteps(handle.db, jobs) });
});

afterAll(async () => {
  workers.killAll();
  await jobs.stop({ graceful: false, timeoutMs: 2000 });
  await handle.close();
  await server.close();
  await provider.close();
});

describe("plan & build as jobs", () => {
  it("a build whose worker process was killed mid-step finishes once in the restarted worker", async () => {
    const [todo] = await handle.db
      .insert(todos)
      .values({ owner: OWNER, title: "Split an array into chunks of size n", notes: "" })
      .returning({ id: todos.id, title: todos.title, notes: todos.notes });
    if (!todo) throw new Error("no todo");
    const { build: started } = await chain.start(OWNER, todo);
    expect(started.stepsJob).toEqual({ key: `${OWNER}:${todo.id}:1:1`, n: 1 });

    const first = startWorker();
    const store = postgresBuildStore(handle.db);
    // Checking runs no model call, so no idempotency claim of the dead worker is left holding a lease.
    const seen = await until(
      "the first worker to reach checking",
      async () => {
        const b = await store.latest(OWNER, todo.id);
        return b && b.status !== "planning" && b.status !== "coding" ? b.status : undefined;
      },
      { everyMs: 20, timeoutMs: 150_000 },
    );
    expect(seen, "the first worker finished before it could be killed").toBe("checking");
    first.kill("SIGKILL");

    startWorker();
    const done = await until(
      "the build to wait for review",
      async () => {
        const b = await chain.get(OWNER, todo.id);
        return b?.status === "awaiting_review" || b?.status === "failed" ? b : undefined;
      },
      { everyMs: 200, timeoutMs: 150_000 },
    );
    expect(done.error).toBeNull();
    expect(done.status).toBe("awaiting_review");
    expect(done.run).toBe(1);
    expect(done.revisions).toHaveLength(1);
    expect(done.resumed).toMatchObject({ attempt: 2, step: "checking" });
    expect(done.revisions[0]?.check).not.toBeNull();
    const coderCalls = provider.control
      .log({ idempotencyKey: done.revisions[0]!.call.idempotencyKey })
      .filter((e) => e.path === "/v1/chat/completions");
    expect(coderCalls).toHaveLength(1);
    expect(await jobs.status(buildStepsJob, started.stepsJob!.key)).toMatchObject({
      state: "completed",
      attempts: 2,
    });
  }, 200_000);
});
