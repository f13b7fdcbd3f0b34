// The kill run's part of the stress report: its goal and verdict, the figures, and how to read them.
import { type MachineFacts, machineFactsMarkdown } from "@switchyard/measure";
import { markdownTable } from "../lib/report.ts";
import type { KillFigures } from "./killRun.ts";

/** What stress.json keeps under `kill`. */
export interface KillJson extends KillFigures {
  throttle: object;
  killAfterMs: number;
  machine: MachineFacts;
}

export function killGoalMet(k: KillFigures): boolean {
  return (
    k.succeeded === k.requests &&
    k.duplicates === 0 &&
    k.orphans === 0 &&
    k.rowsWithoutFile === 0 &&
    k.stuckJobs === 0 &&
    k.reachableFromBoth === k.succeeded
  );
}

export function killMarkdown(k: KillJson): string {
  const states = Object.entries(k.jobStates)
    .map(([state, n]) => `${state}: ${n}`)
    .join(", ");
  const upstream = Object.entries(k.upstreamByEndpointStatus)
    .map(([key, n]) => `${key}: ${n}`)
    .join(", ");
  const table = markdownTable(
    ["", "kill"],
    [
      ["requests (concurrent, spread over two instances)", k.requests],
      ["succeeded", k.succeeded],
      ["duplicate generations (same key, 2+ × 200 upstream)", k.duplicates],
      ["image rows saved twice for one key", k.storage.duplicateRows],
      ["orphan files (no row references them)", k.orphans],
      ["rows whose file is missing", k.rowsWithoutFile],
      ["generation jobs left unfinished", k.stuckJobs],
      ["images reachable from both instances", `${k.reachableFromBoth} / ${k.succeeded}`],
      ["latency p50 / p95 / p99 (ms)", `${k.p50Ms} / ${k.p95Ms} / ${k.p99Ms}`],
      ["wall time (s)", k.durationS],
      ["images/s", k.imagesPerSecond],
      ["instance b killed at (ms into the run)", k.killedAtMs],
      ["generation jobs running (either instance) at the kill", k.jobsActiveAtKill],
      ["jobs finished by a second attempt (b's, taken over)", k.retriedJobs],
      ["instance b healthy again after (ms)", k.restartedAfterMs],
      ["connection failures retried on the other instance", k.connectionRetries],
      ["409 idempotency_in_flight answers retried after Retry-After", k.inFlightRetries],
      ["429 queue_full answers retried", k.queueRetries],
      ["upstream image calls", k.upstreamCalls],
    ],
  );
  const errors = Object.keys(k.errors).length ? `\n- Client errors: ${JSON.stringify(k.errors)}` : "";
  return `## Kill run: two instances, one killed with SIGKILL

\`pnpm bench:stress --kill\` starts the embedded database served over the wire in its own process and
two images app instances (\`next start\`, each its own process) on it, sharing one storage folder. The
client sends ${k.requests} requests at once as one signed-in user, request *i* to instance *i* mod 2, with
the primary throttled (${JSON.stringify(k.throttle)}). ${k.killAfterMs / 1000} s in, once generation jobs
are running on both workers, instance b gets SIGKILL and is started again on its port. The client retries a failed connection with the same Idempotency-Key
on the other instance, and a \`409 idempotency_in_flight\` after its Retry-After.

Goal: ${k.requests}/${k.requests} images, 0 duplicate generations, 0 orphans, 0 unfinished jobs, every
image reachable from both instances. **${killGoalMet(k) ? "Met" : "Not met"}.**

${table}

- Generation jobs by pg-boss state at the end: ${states}.
- Upstream image calls by endpoint and status: ${upstream}.${errors}
- CPU during the load: the database process ${k.cpuSeconds.database} s (${Math.round(k.databaseCoreShare * 100)}% of one
  core over the wall time), instance a ${k.cpuSeconds.a} s, instance b (killed and restarted) ${k.cpuSeconds.b} s.
  The embedded database runs one statement at a time for every connection, and a transaction holds it
  across its round trips to the app; with the database's own CPU this far below one core, images/s is
  bounded by those round trips on a shared 2-core machine (every process waiting its turn for a core),
  not by the database's work. Chapter 7 reads it.

![Kill run: upstream image calls over time](stress-kill.svg)

### Machine (kill run)

${machineFactsMarkdown(k.machine)}
`;
}
