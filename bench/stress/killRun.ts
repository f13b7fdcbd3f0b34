// The kill run (`pnpm bench:stress --kill`): two images app instances, each its own `next start`
// process, on one database (the embedded PGlite served over the wire from a third process) and one
// storage folder; N concurrent requests spread over both with the primary throttled; instance B killed
// with SIGKILL a few seconds in and started again on its port. Then, from the database, the folder and
// both instances: duplicates, orphans, unfinished jobs, and whether every image is reachable from both.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { percentile } from "@switchyard/measure";
import pLimit from "p-limit";
import pg from "pg";
import { type StartedChild, startChild } from "../lib/childProcess.ts";
import { pidCpuUs } from "../lib/processCpu.ts";
import { fireRequests } from "./fireRequests.ts";
import { type ImagesApp, startImagesApp } from "./imagesApp.ts";
import {
  auditStorage,
  jobStates,
  retriedJobs,
  type StorageAudit,
  waitForActiveJobs,
  waitForJobsToSettle,
} from "./killAudit.ts";
import { control } from "./runScenario.ts";
import { signUpStressUser } from "./stressUser.ts";
import { countBy, duplicateGenerations, fetchImageCalls, type LogEntry, PRIMARY } from "./upstreamLog.ts";

export interface KillFigures {
  requests: number;
  succeeded: number;
  failed: number;
  duplicates: number;
  orphans: number;
  stuckJobs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  durationS: number;
  imagesPerSecond: number;
  killedAtMs: number;
  /** Generation jobs running (on either instance) when b was killed. */
  jobsActiveAtKill: number;
  /** Jobs more than one attempt ran: those b's death interrupted, finished by another worker. */
  retriedJobs: number;
  restartedAfterMs: number;
  connectionRetries: number;
  inFlightRetries: number;
  queueRetries: number;
  rowsSaved: number;
  rowsWithoutFile: number;
  storage: StorageAudit;
  reachableFromBoth: number;
  jobStates: Record<string, number>;
  /** CPU seconds each process used during the load, and the database's share of one core. */
  cpuSeconds: { database: number; a: number; b: number };
  databaseCoreShare: number;
  upstreamCalls: number;
  upstreamByEndpointStatus: Record<string, number>;
  errors: Record<string, number>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const KEY_PREFIX = "stress-kill";

export async function runKill(
  providerUrl: string,
  count: number,
  settings: { throttle: object; killAfterMs: number; activeJobsAtKill: number },
): Promise<{ figures: KillFigures; calls: LogEntry[]; runStart: number }> {
  await control(providerUrl, "/control/reset");
  const workDir = mkdtempSync(path.join(tmpdir(), "switchyard-stress-kill-"));
  let database: StartedChild | null = null;
  const apps: ImagesApp[] = [];
  let keep = false;
  try {
    database = await startChild(path.join(here, "databaseEntry.ts"), [path.join(workDir, "pglite")], 120_000);
    const shared = { DATABASE_URL: database.url, STORAGE_DIR: path.join(workDir, "images") };
    const start = (name: string, port?: number) =>
      startImagesApp(providerUrl, { env: shared, workDir, logName: `${name}.log`, port });
    // One after the other: two first starts at once race on pg-boss's schema (each retries, but slowly).
    apps.push(await start("a"));
    apps.push(await start("b"));
    const cookie = await signUpStressUser(apps[0]!.url);
    for (const [i, app] of apps.entries()) {
      const warm = await fetch(`${app.url}/api/images/generate`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `warmup-kill-${i}`, cookie },
        body: JSON.stringify({ prompt: "warm-up image", size: "small" }),
      });
      if (!warm.ok) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
    }
    await control(providerUrl, "/control/faults", { endpoint: PRIMARY, throttle: settings.throttle });

    const cpu = cpuSampler({ database: database.child.pid!, a: apps[0]!.pid, b: apps[1]!.pid });
    const runStart = Date.now();
    const t0 = performance.now();
    let killedAtMs = 0;
    let jobsActiveAtKill = 0;
    let restartedAfterMs = 0;
    const watch = new pg.Client(database.url);
    await watch.connect();
    const killAndRestart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, settings.killAfterMs));
      // Not before both workers have a batch running, so the kill interrupts generations, not just requests.
      jobsActiveAtKill = await waitForActiveJobs(watch, settings.activeJobsAtKill, 60_000);
      await watch.end();
      const victim = apps[1]!;
      killedAtMs = Date.now() - runStart;
      await victim.kill();
      console.log(
        `killed instance b (pid ${victim.pid}) at ${killedAtMs} ms, ${jobsActiveAtKill} jobs active`,
      );
      apps[1] = await start("b-restarted", victim.port);
      cpu.add("b", apps[1].pid);
      restartedAfterMs = Date.now() - runStart - killedAtMs;
      console.log(`instance b healthy again ${restartedAfterMs} ms after the kill`);
    })();
    const outcomes = await fireRequests({
      urls: apps.map((a) => a.url),
      cookie,
      count,
      keyPrefix: KEY_PREFIX,
      retryConnectionFailures: true,
      onDone: (done) => {
        if (done % 100 === 0) console.log(`${done}/${count} answered`);
      },
    });
    const durationMs = performance.now() - t0;
    const cpuSeconds = cpu.stop();
    await killAndRestart;

    const db = new pg.Client(database.url);
    await db.connect();
    try {
      await waitForJobsToSettle(db, 60_000);
      const states = await jobStates(db);
      const storage = await auditStorage(db, shared.STORAGE_DIR);
      const ok = outcomes.filter((o) => o.status === 200 && o.imageId);
      const limit = pLimit(16);
      const reachable = await Promise.all(
        ok.map((o) =>
          limit(async () => {
            for (const app of apps) {
              const res = await fetch(`${app.url}/api/images/${o.imageId}/file`, { headers: { cookie } });
              await res.arrayBuffer();
              if (!res.ok) return false;
            }
            return true;
          }),
        ),
      );
      const calls = await fetchImageCalls(providerUrl, KEY_PREFIX);
      const latencies = outcomes.map((o) => o.finishedAt - o.startedAt);
      const errors: Record<string, number> = {};
      for (const o of outcomes) if (o.errorCode) errors[o.errorCode] = (errors[o.errorCode] ?? 0) + 1;
      const unfinished = ["created", "retry", "active"].reduce((n, s) => n + (states[s] ?? 0), 0);
      const figures: KillFigures = {
        requests: count,
        succeeded: ok.length,
        failed: count - ok.length,
        duplicates: duplicateGenerations(calls),
        orphans: storage.orphanFiles,
        stuckJobs: unfinished,
        p50Ms: Math.round(percentile(latencies, 50)),
        p95Ms: Math.round(percentile(latencies, 95)),
        p99Ms: Math.round(percentile(latencies, 99)),
        durationS: Math.round(durationMs / 100) / 10,
        imagesPerSecond: Math.round((ok.length / (durationMs / 1000)) * 10) / 10,
        killedAtMs,
        jobsActiveAtKill,
        retriedJobs: await retriedJobs(db),
        restartedAfterMs,
        connectionRetries: outcomes.reduce((n, o) => n + o.connectionRetries, 0),
        inFlightRetries: outcomes.reduce((n, o) => n + o.inFlightRetries, 0),
        queueRetries: outcomes.reduce((n, o) => n + o.queueRetries, 0),
        rowsSaved: storage.rows,
        rowsWithoutFile: storage.rowsWithoutFile,
        storage,
        reachableFromBoth: reachable.filter(Boolean).length,
        jobStates: states,
        cpuSeconds,
        databaseCoreShare: Math.round((cpuSeconds.database / (durationMs / 1000)) * 100) / 100,
        upstreamCalls: calls.length,
        upstreamByEndpointStatus: countBy(calls),
        errors,
      };
      keep = figures.failed > 0 || figures.duplicates > 0 || figures.stuckJobs > 0 || figures.orphans > 0;
      return { figures, calls, runStart };
    } finally {
      await db.end();
    }
  } finally {
    for (const app of apps) await app.stop();
    await database?.stop();
    if (keep) console.log(`The goal was missed: the run's logs and files stay in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

/** CPU seconds per role, summed over its processes (a killed process keeps what it used before). */
function cpuSampler(pids: Record<"database" | "a" | "b", number>) {
  const base = new Map<number, number>();
  const last = new Map<number, number>();
  const roles = new Map<number, keyof typeof pids>();
  const add = (role: keyof typeof pids, pid: number) => {
    roles.set(pid, role);
    base.set(pid, pidCpuUs(pid)());
  };
  for (const [role, pid] of Object.entries(pids)) add(role as keyof typeof pids, pid);
  const sample = () => {
    for (const pid of roles.keys()) {
      const us = pidCpuUs(pid)();
      if (us > 0) last.set(pid, us);
    }
  };
  const timer = setInterval(sample, 250);
  return {
    add,
    stop() {
      clearInterval(timer);
      sample();
      const totals = { database: 0, a: 0, b: 0 };
      for (const [pid, role] of roles) totals[role] += ((last.get(pid) ?? 0) - (base.get(pid) ?? 0)) / 1e6;
      for (const role of Object.keys(totals) as (keyof typeof totals)[])
        totals[role] = Math.round(totals[role] * 10) / 10;
      return totals;
    },
  };
}
