// pnpm bench:stress [--requests 1000]
// 1000 concurrent generate requests through the images app's HTTP API, twice: with the primary image
// endpoint throttled (a token bucket answering 429 + Retry-After) and the backup healthy; then with
// the primary going fully down mid-test. Writes bench/results/stress.{md,json,svg}.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";
import { ensureBuilt } from "./stress/imagesApp.ts";
import { type RunFigures, runScenario, type Scenario } from "./stress/runScenario.ts";
import { stressMarkdown } from "./stress/stressReport.ts";
import { renderTimeline, type TimelinePanel } from "./stress/timelineChart.ts";
import { PRIMARY, timeline } from "./stress/upstreamLog.ts";

const flags = parseFlags(z.object({ requests: z.coerce.number().int().min(1).max(5000).default(1000) }), {
  requests: { type: "string" },
});

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

const here = path.dirname(fileURLToPath(import.meta.url));
const machine = machineFacts();
const started = performance.now();
ensureBuilt();
const provider = await startChild(path.join(here, "stress/providerEntry.ts"), [], 60_000);
const runs: RunFigures[] = [];
const panels: TimelinePanel[] = [];
const BUCKET_MS = 1000;
try {
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
} finally {
  await provider.stop();
}

const headline = runs[0]!;
const totalSeconds = Math.round((performance.now() - started) / 1000);
const json = {
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
  total_seconds: totalSeconds,
  machine,
};
const written = writeReport({
  name: "stress",
  markdown: stressMarkdown(runs, { machine, throttle: THROTTLE, totalSeconds, bucketMs: BUCKET_MS }),
  json,
});
const svg = path.join(path.dirname(written[0]!), "stress.svg");
writeFileSync(svg, renderTimeline("Upstream image calls over time, by endpoint and outcome", panels));
console.log(
  `\nWrote ${[...written, svg].map((p) => path.relative(process.cwd(), p)).join(", ")} in ${totalSeconds} s`,
);
const goalMet = runs.every((r) => r.success_rate === 1 && r.duplicates === 0);
if (!goalMet) console.log("Goal NOT met: see the report.");
