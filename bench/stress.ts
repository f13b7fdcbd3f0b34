// pnpm bench:stress [--requests 1000] [--kill]
// 1000 concurrent generate requests through the images app's HTTP API, twice: with the primary image
// endpoint throttled (a token bucket answering 429 + Retry-After) and the backup healthy; then with
// the primary going fully down mid-test. Writes bench/results/stress.{md,json,svg}.
// --kill runs only the kill run instead (stress/killRun.ts: two instances on one database, one killed
// with SIGKILL and restarted) and writes it under `kill` in the same report, keeping the other runs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MachineFacts, machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { resultsDir, writeReport } from "./lib/report.ts";
import { ensureBuilt } from "./stress/imagesApp.ts";
import { type KillJson, killGoalMet } from "./stress/killReport.ts";
import { runKill } from "./stress/killRun.ts";
import { type RunFigures, runScenario, type Scenario } from "./stress/runScenario.ts";
import { stressMarkdown } from "./stress/stressReport.ts";
import { renderTimeline, type TimelinePanel } from "./stress/timelineChart.ts";
import { PRIMARY, timeline } from "./stress/upstreamLog.ts";

const flags = parseFlags(
  z.object({
    requests: z.coerce.number().int().min(1).max(5000).default(1000),
    kill: z.boolean().default(false),
  }),
  { requests: { type: "string" }, kill: { type: "boolean" } },
);

// The primary's bucket holds 10 and refills 25 a second: well under what 1000 requests want, so it
// rejects a share of calls with 429 + Retry-After: 1 and the router's breaker sends them elsewhere.
export const THROTTLE = { capacity: 10, refillPerSecond: 25, retryAfterSeconds: 1 };

// #region scenarios
const scenarios: Scenario[] = [
  {
    name: "throttled",
    title: "Primary throttled (token bucket, 429 + Retry-After)",
    faults: { [PRIMARY]: { throttle: THROTTLE } },
  },
  {
    name: "primary_down",
    title: "Primary goes fully down (503) after 30% of requests",
    faults: {},
    midway: { afterShare: 0.3, endpoint: PRIMARY, faults: { down: true } },
  },
];
// #endregion

// The kill run: SIGKILL instance b this long after the requests start (and once at least this many
// generation jobs run, so b's worker holds some), then start it again.
const KILL_AFTER_MS = 5000;
const ACTIVE_JOBS_AT_KILL = 30;

const here = path.dirname(fileURLToPath(import.meta.url));
const machine = machineFacts();
const started = performance.now();
ensureBuilt();
const provider = await startChild(path.join(here, "stress/providerEntry.ts"), [], 60_000);
const BUCKET_MS = 1000;
const jsonFile = path.join(resultsDir, "stress.json");
const previous = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, "utf8")) as StressJson) : null;

interface StressJson {
  runs: RunFigures[];
  total_seconds: number;
  machine: MachineFacts;
  kill?: KillJson;
  [field: string]: unknown;
}

async function runFailoverScenarios(): Promise<StressJson> {
  const runs: RunFigures[] = [];
  const panels: TimelinePanel[] = [];
  for (const scenario of scenarios) {
    console.log(`\n== ${scenario.title}: ${flags.requests} concurrent requests`);
    const { figures, calls, runStart } = await runScenario(provider.url, scenario, flags.requests);
    runs.push(figures);
    console.log(JSON.stringify(figures, null, 2));
    panels.push({
      title: scenario.title,
      bucketMs: BUCKET_MS,
      series: timeline(calls, runStart, BUCKET_MS).series,
      markers:
        figures.midway_event_ms !== null ? [{ atMs: figures.midway_event_ms, label: "primary down" }] : [],
    });
  }
  writeFileSync(
    path.join(resultsDir, "stress.svg"),
    renderTimeline("Upstream image calls over time, by endpoint and outcome", panels),
  );
  const headline = runs[0]!;
  return {
    headline_run: headline.scenario,
    requests: headline.requests,
    succeeded: headline.succeeded,
    success_rate: headline.success_rate,
    rerouted_share: headline.rerouted_share,
    duplicates: headline.duplicates,
    p95_ms: headline.p95_ms,
    p99_ms: headline.p99_ms,
    throttle: THROTTLE,
    runs,
    total_seconds: Math.round((performance.now() - started) / 1000),
    machine,
    ...(previous?.kill ? { kill: previous.kill } : {}),
  };
}

async function runKillScenario(): Promise<StressJson> {
  if (!previous) throw new Error("run pnpm bench:stress without --kill first: --kill adds to its report");
  console.log(`\n== Kill run: ${flags.requests} concurrent requests over two instances`);
  const { figures, calls, runStart } = await runKill(provider.url, flags.requests, {
    throttle: THROTTLE,
    killAfterMs: KILL_AFTER_MS,
    activeJobsAtKill: ACTIVE_JOBS_AT_KILL,
  });
  console.log(JSON.stringify(figures, null, 2));
  const panel: TimelinePanel = {
    title: "Primary throttled, instance b killed and restarted",
    bucketMs: BUCKET_MS,
    series: timeline(calls, runStart, BUCKET_MS).series,
    markers: [
      { atMs: figures.killedAtMs, label: "b killed" },
      { atMs: figures.killedAtMs + figures.restartedAfterMs, label: "b back" },
    ],
  };
  writeFileSync(
    path.join(resultsDir, "stress-kill.svg"),
    renderTimeline("Kill run: upstream image calls over time", [panel]),
  );
  return { ...previous, kill: { ...figures, throttle: THROTTLE, killAfterMs: KILL_AFTER_MS, machine } };
}

let json: StressJson;
try {
  json = flags.kill ? await runKillScenario() : await runFailoverScenarios();
} finally {
  await provider.stop();
}
const written = writeReport({
  name: "stress",
  markdown: stressMarkdown(json.runs, {
    machine: json.machine,
    throttle: THROTTLE,
    totalSeconds: json.total_seconds,
    bucketMs: BUCKET_MS,
    kill: json.kill,
  }),
  json,
});
const seconds = Math.round((performance.now() - started) / 1000);
console.log(`\nWrote ${written.map((p) => path.relative(process.cwd(), p)).join(", ")} in ${seconds} s`);
const goalMet = flags.kill
  ? json.kill !== undefined && killGoalMet(json.kill)
  : json.runs.every((r) => r.success_rate === 1 && r.duplicates === 0);
if (!goalMet) console.log("Goal NOT met: see the report.");
