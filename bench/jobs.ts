// pnpm --filter @switchyard/bench jobs [--jobs 500] [--postgres-url postgres://…]
// pg-boss against graphile-worker on the embedded PGlite served over the wire, and on a real Postgres
// when --postgres-url (or BENCH_POSTGRES_URL) names one: what the wire server offers a job engine,
// then jobs/s and enqueue-to-start p50/p95. Writes bench/results/jobs.{md,json}.
import { startPgliteServer } from "@switchyard/db";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { type EngineRun, type RunSettings, runGraphileWorker, runPgBoss } from "./jobs/engineRuns.ts";
import { jobsReport } from "./jobs/jobsReport.ts";
import { measureWireFacts } from "./jobs/wireFacts.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";

const flags = parseFlags(
  z.object({
    jobs: z.coerce.number().int().min(1).max(20_000).default(500),
    "postgres-url": z.string().optional(),
  }),
  { jobs: { type: "string" }, "postgres-url": { type: "string" } },
);
const postgresUrl = flags["postgres-url"] ?? process.env.BENCH_POSTGRES_URL;
const settings: RunSettings = {
  jobs: flags.jobs,
  workerConcurrency: 4,
  pollSeconds: 0.5,
  deadlineMs: 60_000,
};

const machine = machineFacts();
const runs: EngineRun[] = [];
const wireTarget = "PGlite over the wire";

// A fresh in-memory database per engine, so neither sees the other's schema or leftovers.
async function onFreshPglite(run: (url: string) => Promise<EngineRun>): Promise<EngineRun> {
  const server = await startPgliteServer({ dataDir: "memory://" });
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

// The probe's server is left open until the process exits: after it has refused connections past its
// limit, closing it waits on sockets that never finish closing (seen here, not yet understood).
const probe = await startPgliteServer({ dataDir: "memory://" });
const wire = await measureWireFacts(probe.url);
console.log("wire facts", wire);

for (const [name, run] of [
  ["pg-boss", runPgBoss],
  ["pg-boss, batches of 8", (url: string, target: string, s: RunSettings) => runPgBoss(url, target, s, true)],
  ["graphile-worker", runGraphileWorker],
] as const) {
  console.log(`${name} on ${wireTarget}…`);
  runs.push(await onFreshPglite((url) => run(url, wireTarget, settings)));
  if (postgresUrl) {
    console.log(`${name} on Postgres…`);
    runs.push(await run(postgresUrl, "Postgres (DATABASE_URL)", settings));
  }
}
for (const r of runs)
  console.log(
    `${r.engine} / ${r.target}: ${r.done}/${r.jobs} in ${Math.round(r.wallMs)} ms ${r.error ?? ""}`,
  );

for (const file of writeReport(jobsReport({ machine, settings, wire, runs }))) console.log(`wrote ${file}`);
process.exit(0);
