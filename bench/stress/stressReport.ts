// The markdown report of the stress test.
import { type MachineFacts, machineFactsMarkdown } from "@switchyard/measure";
import { markdownTable } from "../lib/report.ts";
import { type KillJson, killMarkdown } from "./killReport.ts";
import type { RunFigures } from "./runScenario.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function stressMarkdown(
  runs: RunFigures[],
  ctx: { machine: MachineFacts; throttle: object; totalSeconds: number; bucketMs: number; kill?: KillJson },
): string {
  const row = (label: string, f: (r: RunFigures) => string | number) => [label, ...runs.map(f)];
  const table = markdownTable(
    ["", ...runs.map((r) => r.scenario)],
    [
      row("requests (concurrent)", (r) => r.requests),
      row("succeeded", (r) => r.succeeded),
      row("failed", (r) => r.failed),
      row("success rate", (r) => pct(r.success_rate)),
      row("served by the backup", (r) => pct(r.rerouted_share)),
      row("upstream image calls", (r) => r.upstream_calls),
      row("upstream calls per successful image", (r) => r.upstream_calls_per_image),
      row("duplicate generations (same key, 2+ × 200)", (r) => r.duplicates),
      row("rows saved", (r) => r.rows_saved),
      row("latency p50 / p95 / p99 (ms)", (r) => `${r.p50_ms} / ${r.p95_ms} / ${r.p99_ms}`),
      row("wall time (s)", (r) => r.duration_s),
      row("primary's first failure at (ms into the run)", (r) => r.breaker.firstFailureMs ?? "—"),
      row("then calls still reaching the primary (ms, count)", (r) =>
        r.breaker.stoppedAfterMs === null
          ? "—"
          : `${r.breaker.stoppedAfterMs} ms, ${r.breaker.callsInWindow}`,
      ),
      row("429 queue_full answers retried by the client", (r) => r.queue_retries),
      row("images app peak RSS (MiB)", (r) => r.app_peak_rss_mib),
    ],
  );
  const breakdown = runs
    .map(
      (r) =>
        `- ${r.scenario}: ${Object.entries(r.upstream_by_endpoint_status)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ")}${Object.keys(r.errors).length ? `; client errors: ${JSON.stringify(r.errors)}` : ""}`,
    )
    .join("\n");
  const met = runs.every((r) => r.success_rate === 1 && r.duplicates === 0);
  return `# Stress: 1000 concurrent image requests with failover

\`pnpm bench:stress\` fires the requests at once through the images app's HTTP API
(\`POST /api/images/generate\`, \`next start\`, embedded PGlite in a temp folder), each with its own
Idempotency-Key, against the local provider in its own process. The client has no timeout tuning
(Node's fetch defaults); it retries only a \`429 queue_full\` from the app, with the same key, after
its Retry-After.

Goal: 100% success in both runs and 0 duplicate generations. **${met ? "Met" : "Not met"}.**

${table}

Upstream image calls by endpoint and HTTP status (from the provider's request log):

${breakdown}

![Upstream image calls over time](stress.svg)

## How to read it

- **throttled**: \`image-primary\` has a token bucket (${JSON.stringify(ctx.throttle)}): once empty it
  answers 429 with Retry-After. The router opens that endpoint's breaker on the first 429 for the
  Retry-After, sends the request to \`image-backup\` at once, and probes the primary again after it.
- **primary_down**: \`image-primary\` is healthy until 30% of the requests completed, then answers 503
  to everything. Requests already in flight to it fail over to the backup.
- *Served by the backup* counts successful requests whose image came from \`image-backup\`.
- *Upstream calls per successful image* includes the rejected attempts (429/503) that failover
  absorbed; a duplicate generation would be a second 200 for the same key.
- *Calls still reaching the primary* is measured at the provider: from the primary's first failure
  to the last call that arrived before a ${250} ms silence (the breaker open). Those calls were
  in flight or already past the breaker check when the first failure came back.
- The app limits generations per endpoint family (24 at once by default, up to 2000 waiting) and
  answers 429 + Retry-After beyond that; the router's idempotency store and the images table
  (insert-once per key) make every retry safe.
- Calls are counted in ${ctx.bucketMs} ms buckets in the chart.

## Machine

${machineFactsMarkdown(ctx.machine)}
- Whole benchmark (two app start-ups, two runs): ${ctx.totalSeconds} s
${ctx.kill ? `\n${killMarkdown(ctx.kill)}` : ""}`;
}
