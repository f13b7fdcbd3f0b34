// The gateway report: the verdicts (the gateway's added p99 at 1000 concurrent ≤ 1 ms and at most half
// of Portkey's, held against the A/A noise; its saturation throughput ≥ 5× Portkey's), a table per
// scenario, the chart and how it was measured, as markdown; the same figures as JSON.
import { type MachineFacts, machineFactsMarkdown, round } from "@switchyard/measure";
import type { ReportFiles } from "../lib/report.ts";
import type { ChartPanel, ChartSpec } from "../lib/svgChart.ts";
import {
  addedVerdict,
  delayText,
  pathsTable,
  sharedDelaysNoise,
  topLevel,
  type UpstreamDelay,
} from "../overhead/addedLatency.ts";
import type { ModeFigures, PathFigures } from "../overhead/runLevel.ts";

export const goalAddedP99Ms = 1;
export const goalThroughputTimesPortkey = 5;
const goalConcurrency = 1000;

export interface GatewayLevel {
  concurrency: number;
  direct: ModeFigures;
  /** The direct path again as a path of its own (A/A): its added figures are the run's noise. */
  control: PathFigures | null;
  gateway: PathFigures | null;
  portkey: PathFigures | null;
}

export interface KeyLimits {
  rpm: number;
  tpm: number;
  dailyUsd: number;
  monthlyUsd: number;
}

export interface GatewayInput extends UpstreamDelay {
  machine: MachineFacts;
  quick: boolean;
  name: string;
  realistic: GatewayLevel[];
  saturation: GatewayLevel[];
  /** The level whose throughput the saturation verdict reads. */
  saturationConcurrency: number;
  /** What the gateway's virtual key allows (far above the bench's load, so nothing is throttled). */
  keyLimits: KeyLimits;
}

function goal(levels: GatewayLevel[]) {
  const top = topLevel(levels, goalConcurrency);
  const g = top.gateway?.added_p99_ms ?? null;
  const p = top.portkey?.added_p99_ms ?? null;
  const verdict = g === null ? null : addedVerdict(top.control, g, goalAddedP99Ms, p);
  return {
    concurrency: top.concurrency,
    added_p99_ms_goal: goalAddedP99Ms,
    gateway_added_p99_ms: g,
    portkey_added_p99_ms: p,
    noise_floor_ms: verdict?.noise ?? null,
    under_goal: verdict?.underGoal ?? null,
    at_most_half_of_portkey: verdict?.atMostHalfOfPortkey ?? null,
  };
}

function saturationFigures(input: GatewayInput) {
  const level = topLevel(input.saturation, input.saturationConcurrency);
  const [gateway, portkey] = [level.gateway?.throughput_rps ?? null, level.portkey?.throughput_rps ?? null];
  const times = gateway !== null && portkey ? round(gateway / portkey, 2) : null;
  return {
    concurrency: level.concurrency,
    direct_rps: level.direct.throughput_rps,
    gateway_rps: gateway,
    portkey_rps: portkey,
    gateway_times_portkey: times,
    goal_times_portkey: goalThroughputTimesPortkey,
    at_least_goal_times_portkey:
      times === null ? null : times >= goalThroughputTimesPortkey ? "met" : "not met",
    /** CPU per request beyond the direct path's, the client's and the gateway's process together. */
    gateway_added_cpu_us_per_request: level.gateway?.added_cpu_us_per_request ?? null,
    portkey_added_cpu_us_per_request: level.portkey?.added_cpu_us_per_request ?? null,
    levels: input.saturation,
  };
}

const table = (levels: GatewayLevel[]) =>
  pathsTable(levels, (l) => [
    ["direct again (A/A)", l.control],
    ["Switchyard gateway", l.gateway],
    ["Portkey", l.portkey],
  ]);

function chart(input: GatewayInput): ChartSpec {
  const series = (name: string, levels: GatewayLevel[], pick: (l: GatewayLevel) => number | undefined) => ({
    name,
    values: levels.map((l) => pick(l) ?? null),
  });
  const peers = (levels: GatewayLevel[]) => levels.some((l) => l.portkey);
  const categories = (levels: GatewayLevel[]) => levels.map((l) => `c=${l.concurrency}`);
  const added = (stat: "p50" | "p99"): ChartPanel => ({
    title: `Added ${stat} (upstream ${delayText(input)})`,
    unit: "ms",
    categories: categories(input.realistic),
    series: [
      series("Switchyard gateway", input.realistic, (l) => l.gateway?.[`added_${stat}_ms`]),
      ...(peers(input.realistic)
        ? [series("Portkey gateway 1.15.2", input.realistic, (l) => l.portkey?.[`added_${stat}_ms`])]
        : []),
    ],
  });
  const throughput: ChartPanel = {
    title: "Saturation: answers a second",
    unit: "req/s",
    categories: categories(input.saturation),
    series: [
      series("Switchyard gateway", input.saturation, (l) => l.gateway?.throughput_rps),
      ...(peers(input.saturation)
        ? [series("Portkey gateway 1.15.2", input.saturation, (l) => l.portkey?.throughput_rps)]
        : []),
      series("direct", input.saturation, (l) => l.direct.throughput_rps),
    ],
  };
  return {
    title: `Gateway overhead over calling the upstream directly${input.quick ? " (quick run)" : ""}`,
    subtitle:
      "Added: the path's percentile minus the direct path's, same run; each gateway a process of its own.",
    panels: [
      added("p50"),
      { ...added("p99"), references: [{ value: goalAddedP99Ms, label: "goal" }] },
      throughput,
    ],
  };
}

const limitsText = (l: KeyLimits) => {
  const n = (v: number) => v.toLocaleString("en-US");
  return `${n(l.rpm)} requests and ${n(l.tpm)} tokens a minute, $${n(l.dailyUsd)} a day, $${n(l.monthlyUsd)} a month`;
};

export function gatewayReport(input: GatewayInput): ReportFiles {
  const { name, quick } = input;
  const g = goal(input.realistic);
  const s = saturationFigures(input);
  const markdown = `# Gateway overhead: the Switchyard gateway and Portkey, each a process of its own
${quick ? "\n> **Quick run** (`--quick`): few requests, a smoke test. `pnpm bench:gateway` gives the real figures.\n" : ""}
- Gateway's added p99 at ${g.concurrency} concurrent: **${g.gateway_added_p99_ms} ms**, A/A noise ${g.noise_floor_ms} ms. Goal ≤ ${goalAddedP99Ms} ms: **${g.under_goal}**.
${g.portkey_added_p99_ms === null ? "- Portkey was not run (`--no-portkey`)." : `- Portkey's added p99: **${g.portkey_added_p99_ms} ms**. Gateway ≤ half of it: **${g.at_most_half_of_portkey}**.`}
- Saturation at ${s.concurrency} concurrent: gateway **${s.gateway_rps} req/s**, Portkey ${s.portkey_rps ?? "—"} req/s, direct ${s.direct_rps} req/s. Gateway ≥ ${goalThroughputTimesPortkey}× Portkey: **${s.at_least_goal_times_portkey ?? "—"}**${s.gateway_times_portkey === null ? "" : ` (${s.gateway_times_portkey}×)`}.
- "Met" only when the figure plus the noise stays under the limit, "not met" when the figure minus the noise is over it.
${g.concurrency === goalConcurrency ? "" : `- **The goal's level (${goalConcurrency} concurrent) did not run** (\`--max-concurrency\`): these verdicts are for ${g.concurrency}.\n`}
![Added latency by concurrency and throughput at saturation, gateway and Portkey](${name}.svg)

## Upstream answering after ${delayText(input)}

Added = the path's percentile minus the direct path's in the same run; "direct again" (A/A) measures
nothing but noise. Every block of every path draws the same seeded delays.${sharedDelaysNoise(input, topLevel(input.realistic, goalConcurrency))}

${table(input.realistic)}

## Saturation: an upstream that answers at once

The cores are saturated (client, gateway, its database and upstream share them), so latency is
queueing: read throughput and added CPU per request (the client's, the gateway's and its database's
processes together, minus the direct path's).

${table(input.saturation)}

## How it was measured

- **Upstream** (\`bench/overhead/fixedUpstream.ts\`): its own process, one precomputed chat completion
  after the delay, drawn from a seeded sequence that each measured block rewinds.
- **direct** POSTs to it with undici, set up like the router's own client. **Switchyard gateway** is
  \`apps/gateway\` in its own process, as in production: on \`DATABASE_URL\`, its database in a process of
  its own (a fresh in-memory PGlite served over the Postgres wire, where production has Postgres), its
  \`bench/fixed\` model routed to the upstream, called with one virtual key
  (${limitsText(input.keyLimits)}): every request is authenticated, checked against the key's limits
  and written to the ledger. The limits are held in shares and leases renewed a few times a second
  (chapter 15), the ledger written in batches a tenth of a second apart. **Portkey** is
  \`@portkey-ai/gateway\` 1.15.2 in its own process (provider openai with a custom host).
- **Blocks** (\`bench/overhead/isolatedBlock.ts\`, bench:overhead's): each in a fresh process that warms
  up for three delays with at least 100 workers, then runs a closed loop of N workers started over one
  delay; ${quick ? "one block" : "three blocks"} per path and level, the order rotating every round.
- **CPU per request**: user+system CPU of the sending process plus the gateway's and its database's
  (Portkey's, for Portkey), over its blocks.

## Machine

${machineFactsMarkdown(input.machine)}
`;
  return {
    name,
    markdown: markdown.replace(/\n{3,}/g, "\n\n"),
    json: {
      benchmark: "gateway",
      quick,
      machine: input.machine,
      upstream_ms: input.upstreamMs,
      upstream_jitter: input.upstreamJitter,
      key_limits: input.keyLimits,
      goal: g,
      levels: input.realistic,
      saturation: s,
    },
    charts: { [`${name}.svg`]: chart(input) },
  };
}
