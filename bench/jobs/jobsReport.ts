// The jobs benchmark's report: the wire server's facts, then jobs/s and enqueue-to-start latency per
// engine and database, with the choice the figures support.
import type { MachineFacts } from "@switchyard/measure";
import { machineFactsMarkdown, round, summarize } from "@switchyard/measure";
import { markdownTable, type ReportFiles } from "../lib/report.ts";
import type { EngineRun, RunSettings } from "./engineRuns.ts";
import type { WireFacts } from "./wireFacts.ts";

export function jobsReport(input: {
  machine: MachineFacts;
  settings: RunSettings;
  wire: WireFacts;
  runs: EngineRun[];
}): ReportFiles {
  const { wire, settings } = input;
  const rows = input.runs.map((r) => {
    const s = summarize(r.latenciesMs);
    return {
      engine: r.engine,
      target: r.target,
      done: r.done,
      jobs: r.jobs,
      jobsPerSecond: round((r.done / r.wallMs) * 1000, 1),
      enqueuePerSecond: r.enqueueMsTotal > 0 ? round((r.jobs / r.enqueueMsTotal) * 1000, 1) : null,
      p50Ms: round(s.p50, 0),
      p95Ms: round(s.p95, 0),
      startMs: round(r.startMs, 0),
      error: r.error ?? null,
    };
  });
  const table = markdownTable(
    ["engine", "database", "done", "jobs/s", "enqueues/s", "p50 ms", "p95 ms", "start ms", "error"],
    rows.map((r) => [
      r.engine,
      r.target,
      `${r.done}/${r.jobs}`,
      r.jobsPerSecond,
      r.enqueuePerSecond,
      r.p50Ms,
      r.p95Ms,
      r.startMs,
      r.error,
    ]),
  );
  const onWire = (engine: string) => rows.find((r) => r.engine === engine && r.target.startsWith("PGlite"));
  const boss = onWire("pg-boss");
  const graphile = onWire("graphile-worker");
  const verdict = `**Choice: pg-boss.** On PGlite over the wire pg-boss finished ${boss?.done ?? "?"}/${boss?.jobs ?? "?"} jobs and
graphile-worker ${graphile?.done ?? "?"}/${graphile?.jobs ?? "?"} by the deadline. pg-boss polls and needs neither LISTEN/NOTIFY nor
session locks, runs on an in-process PGlite as well, and has a heartbeat lease, retries with backoff, a
dead-letter queue and enqueue in the caller's drizzle transaction as options; graphile-worker frees a
crashed worker's job only after a fixed 4 hours. The price is latency: one job per fetch waits a poll
between jobs (the first pg-boss row), which batches with burst fetching remove (the second).`;
  const markdown = `# Job engines on the embedded database and on Postgres

${verdict}

Goal: pick the job engine for image generations and plan & build steps (issue 20). Each run starts the
engine's workers (${settings.workerConcurrency} at a time, polling every ${settings.pollSeconds} s), enqueues
${settings.jobs} jobs with a unique key each, 8 enqueues in flight, and times each job from its enqueue to the
start of its handler. A run that has not finished ${settings.deadlineMs / 1000} s after its last enqueue reports
what was done by then.

## What PGlite over the wire offers

| fact | seen |
| :--- | :--- |
| connections served at once | ${wire.connectionsServed} of ${wire.connectionsTried} tried |
| NOTIFY sent on connection b while a LISTENs reached | ${wire.notifyReached.join(", ") || "no one"} (Postgres: a) |
| a session advisory lock excludes another connection | ${wire.advisoryLockExcludes ? "yes" : "no: both took it"} |
| FOR UPDATE SKIP LOCKED while another transaction holds the row | ${wire.skipLockedWaited ? "waited for that transaction to end" : "skipped the row"}, then got ${JSON.stringify(wire.skipLockedRows.second)} |

All connections share PGlite's one session, and a connection inside a transaction holds it for everyone
(packages/db's \`SessionQueue\`). So LISTEN/NOTIFY cannot wake a worker on another connection, session advisory
locks exclude nobody, and SKIP LOCKED never skips: transactions simply run one after another. An engine
has to work by polling, and must not rely on session locks for correctness.

## Figures

${table}

${machineFactsMarkdown(input.machine)}
`;
  return {
    name: "jobs",
    markdown,
    json: { machine: input.machine, settings, wire, runs: rows },
  };
}
