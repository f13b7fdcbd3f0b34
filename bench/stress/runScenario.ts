// One stress run: a fresh images app (new database, cold breakers), the provider reset and given the
// scenario's faults, a warm-up request, then N concurrent generate requests; figures from the client's
// view and from the provider's request log.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { percentile } from "@switchyard/measure";
import { pidRss } from "../lib/peakMemory.ts";
import { resultsDir } from "../lib/report.ts";
import { fireRequests } from "./fireRequests.ts";
import { startImagesApp } from "./imagesApp.ts";
import { signUpStressUser } from "./stressUser.ts";
import {
  BACKUP,
  type BreakerReaction,
  breakerReaction,
  countBy,
  duplicateGenerations,
  fetchImageCalls,
  type LogEntry,
} from "./upstreamLog.ts";

export interface Scenario {
  name: string;
  title: string;
  /** Faults set on endpoints before the run. */
  faults: Record<string, Record<string, unknown>>;
  /** Faults set once this share of requests has completed (the "goes down mid-test" event). */
  midway?: { afterShare: number; endpoint: string; faults: Record<string, unknown> };
}

export interface RunFigures {
  scenario: string;
  requests: number;
  succeeded: number;
  failed: number;
  success_rate: number;
  rerouted_share: number;
  duplicates: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  duration_s: number;
  upstream_calls: number;
  upstream_calls_per_image: number;
  upstream_by_endpoint_status: Record<string, number>;
  queue_retries: number;
  rows_saved: number;
  app_peak_rss_mib: number;
  breaker: BreakerReaction;
  midway_event_ms: number | null;
  errors: Record<string, number>;
}

export async function control(providerUrl: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${providerUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
}

export async function runScenario(
  providerUrl: string,
  scenario: Scenario,
  count: number,
): Promise<{ figures: RunFigures; calls: LogEntry[]; runStart: number }> {
  await control(providerUrl, "/control/reset");
  const app = await startImagesApp(providerUrl);
  try {
    const cookie = await signUpStressUser(app.url);
    // Warm-up: opens the database, runs migrations, loads the embedding model (not measured).
    const warm = await fetch(`${app.url}/api/images/generate`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `warmup-${scenario.name}`,
        cookie,
      },
      body: JSON.stringify({ prompt: "warm-up image", size: "small" }),
    });
    if (!warm.ok) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
    for (const [endpoint, faults] of Object.entries(scenario.faults)) {
      await control(providerUrl, "/control/faults", { endpoint, ...faults });
    }

    let peakRss = 0;
    const rss = pidRss(app.pid);
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rss());
    }, 200);
    const runStart = Date.now();
    const t0 = performance.now();
    let midwayAt: number | null = null;
    const midway = scenario.midway;
    const keyPrefix = `stress-${scenario.name}`;
    const outcomes = await fireRequests({
      urls: [app.url],
      cookie,
      count,
      keyPrefix,
      onDone: (done) => {
        if (midway && midwayAt === null && done >= count * midway.afterShare) {
          midwayAt = Date.now() - runStart;
          void control(providerUrl, "/control/faults", { endpoint: midway.endpoint, ...midway.faults });
        }
      },
    });
    const durationMs = performance.now() - t0;
    clearInterval(sampler);

    const calls = await fetchImageCalls(providerUrl, keyPrefix);
    const ok = outcomes.filter((o) => o.status === 200);
    const latencies = outcomes.map((o) => o.finishedAt - o.startedAt);
    const errors: Record<string, number> = {};
    for (const o of outcomes) if (o.errorCode) errors[o.errorCode] = (errors[o.errorCode] ?? 0) + 1;
    const gallery = (await (
      await fetch(`${app.url}/api/images?pageSize=1`, { headers: { cookie } })
    ).json()) as {
      total: number;
    };
    const figures: RunFigures = {
      scenario: scenario.name,
      requests: count,
      succeeded: ok.length,
      failed: count - ok.length,
      success_rate: ok.length / count,
      rerouted_share: ok.length ? ok.filter((o) => o.endpoint === `local:${BACKUP}`).length / ok.length : 0,
      duplicates: duplicateGenerations(calls),
      p50_ms: Math.round(percentile(latencies, 50)),
      p95_ms: Math.round(percentile(latencies, 95)),
      p99_ms: Math.round(percentile(latencies, 99)),
      duration_s: Math.round(durationMs / 100) / 10,
      upstream_calls: calls.length,
      upstream_calls_per_image: ok.length ? Math.round((calls.length / ok.length) * 1000) / 1000 : 0,
      upstream_by_endpoint_status: countBy(calls),
      queue_retries: outcomes.reduce((n, o) => n + o.queueRetries, 0),
      // The warm-up image is in the table too.
      rows_saved: gallery.total - 1,
      app_peak_rss_mib: Math.round(peakRss / 1024 / 1024),
      breaker: breakerReaction(calls, runStart),
      midway_event_ms: midwayAt,
      errors,
    };
    if (figures.failed > 0) {
      // The app's log names the router's error for each failed request (its scratch folder goes away).
      const kept = path.join(resultsDir, `stress-${scenario.name}-app.log.tmp`);
      copyFileSync(path.join(app.workDir, "app.log"), kept);
      console.log(`${figures.failed} request(s) failed; the app's log is kept at ${kept}`);
    }
    return { figures, calls, runStart };
  } finally {
    await app.stop();
  }
}
