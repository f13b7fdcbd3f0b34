// The overhead report: the verdict on the goal (the router's added p99 at 1000 concurrent ≤ 0.5 ms, and
// at most half of Portkey's) held against the A/A noise, a table per scenario, the chart and how it was
// measured in a few lines, as markdown; the same figures as JSON.
import { type MachineFacts, machineFactsMarkdown } from "@switchyard/measure";
import type { ReportFiles } from "../lib/report.ts";
import type { ChartPanel, ChartSpec } from "../lib/svgChart.ts";
import { addedVerdict, delayText, pathsTable, sharedDelaysNoise, topLevel } from "./addedLatency.ts";
import type { LevelFigures, Scenario } from "./runLevel.ts";

export const goalAddedP99Ms = 0.5;
const goalConcurrency = 1000;

export interface OverheadInput {
  machine: MachineFacts;
  quick: boolean;
  upstreamMs: number;
  /** How far each answer's delay varies either way, as a fraction (0: fixed). */
  upstreamJitter: number;
  results: Partial<Record<Scenario, LevelFigures[]>>;
  name: string;
  /** Heap kept alive per waiting request at 1000 in flight, by path (--deep). */
  keptBytes: { direct: number; router: number } | null;
}

function goal(levels: LevelFigures[]) {
  const top = topLevel(levels, goalConcurrency);
  const r = top.router.added_p99_ms;
  const p = top.portkey?.added_p99_ms ?? null;
  const verdict = addedVerdict(top.control, r, goalAddedP99Ms, p);
  return {
    concurrency: top.concurrency,
    added_p99_ms_goal: goalAddedP99Ms,
    router_added_p99_ms: r,
    portkey_added_p99_ms: p,
    noise_floor_ms: verdict.noise,
    under_goal: verdict.underGoal,
    at_most_half_of_portkey: verdict.atMostHalfOfPortkey,
  };
}

const table = (levels: LevelFigures[]) =>
  pathsTable(levels, (l) => [
    ["direct again (A/A)", l.control],
    ["router", l.router],
    ["Portkey", l.portkey],
  ]);

function chart(input: OverheadInput, levels: LevelFigures[]): ChartSpec {
  const series = (name: string, pick: (l: LevelFigures) => number | undefined) => ({
    name,
    values: levels.map((l) => pick(l) ?? null),
  });
  const panel = (stat: "p50" | "p99"): ChartPanel => ({
    title: `Added ${stat} (upstream ${delayText(input)})`,
    unit: "ms",
    categories: levels.map((l) => `c=${l.concurrency}`),
    series: [
      series("Switchyard router (in-process)", (l) => l.router[`added_${stat}_ms`]),
      ...(levels.some((l) => l.portkey)
        ? [series("Portkey gateway 1.15.2", (l) => l.portkey?.[`added_${stat}_ms`])]
        : []),
    ],
  });
  return {
    title: `Router overhead over calling the upstream directly${input.quick ? " (quick run)" : ""}`,
    subtitle:
      "Added: the path's percentile minus the direct path's, same run; each path in its own processes.",
    panels: [panel("p50"), { ...panel("p99"), references: [{ value: goalAddedP99Ms, label: "goal" }] }],
  };
}

/** V8 heap flags of this run: the young generation's size sets how often GC pauses hold up answers. */
function v8Flags(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].filter((f) =>
    /^--(max|min)-semi-space-size|^--max-old-space-size/.test(f),
  );
  return flags.length ? flags.map((f) => `\`${f}\``).join(" ") : "none (V8's defaults)";
}

export function overheadReport(input: OverheadInput): ReportFiles {
  const { name, quick, keptBytes: kept } = input;
  const { realistic = [], saturation } = input.results;
  const g = goal(realistic);
  const offered = Math.round((goalConcurrency * 1000) / input.upstreamMs);
  const capacity = saturation && topLevel(saturation, goalConcurrency).router.throughput_rps;
  const markdown = `# Router overhead: added latency in-process, with Portkey as a peer
${quick ? "\n> **Quick run** (`--quick`): few requests, a smoke test. `pnpm bench:overhead` gives the real figures.\n" : ""}
- Router's added p99 at ${g.concurrency} concurrent: **${g.router_added_p99_ms} ms**, A/A noise ${g.noise_floor_ms} ms. Goal ≤ ${goalAddedP99Ms} ms: **${g.under_goal}**.
${g.portkey_added_p99_ms === null ? "- Portkey was not run (`--no-portkey`)." : `- Portkey's added p99: **${g.portkey_added_p99_ms} ms**. Router ≤ half of it: **${g.at_most_half_of_portkey}**.`}
- "Met" only when the figure plus the noise stays under the limit, "not met" when the figure minus the noise is over it.

![Added latency by concurrency, router and Portkey](${name}.svg)

## Upstream answering after ${delayText(input)}

Added = the path's percentile minus the direct path's in the same run; "direct again" (A/A) measures
nothing but noise. Every block of every path draws the same seeded delays.${sharedDelaysNoise(input, topLevel(realistic, goalConcurrency))}
${capacity ? `At ${goalConcurrency} concurrent the load is about ${offered} req/s, ${Math.round((offered / capacity) * 100)}% of the router path's throughput at saturation.` : ""}

${table(realistic)}
${kept ? `\nHeap kept alive per waiting request (1000 in flight): direct ${kept.direct} B, router ${kept.router} B.\n` : ""}${
  saturation
    ? `\n## Saturation (--deep): an upstream that answers at once\n\nThe cores are saturated, so added latency is queueing (about concurrency × added CPU ÷ cores):
read added CPU per request and throughput.\n\n${table(saturation)}\n`
    : ""
}
## How it was measured

- **Upstream** (\`bench/overhead/fixedUpstream.ts\`): its own process, one precomputed chat completion
  after the delay, drawn from a seeded sequence that each measured block rewinds.
- **direct** POSTs to it with undici, set up like the router's own client; **router** is
  \`router.chat()\` in the same process, one route, no extra ledger sink, no budgets; **Portkey** is
  \`@portkey-ai/gateway\` 1.15.2 in its own process, so its figures include the extra hop.
- **Blocks** (\`bench/overhead/isolatedBlock.ts\`): each in a fresh process that warms up for three
  delays with at least 100 workers, then runs a closed loop of N workers started over one delay;
  ${quick ? "one block" : "three blocks"} per path and level, the order rotating every round.
- **CPU per request**: user+system CPU of the sending process (plus Portkey's) over its blocks, added
  CPU minus the direct path's. V8 heap flags: ${v8Flags()}.
- \`--deep\` adds GC pauses per block, the heap kept per waiting request (used heap after full
  collections with 1000 requests waiting, minus without) and the saturation scenario.

## Machine

${machineFactsMarkdown(input.machine)}
`;
  return {
    name,
    markdown: markdown.replace(/\n{3,}/g, "\n\n"),
    json: {
      benchmark: "overhead",
      quick,
      deep: !!saturation,
      v8_heap_flags: v8Flags(),
      kept_bytes_per_waiting_request: kept,
      machine: input.machine,
      upstream_ms: input.upstreamMs,
      upstream_jitter: input.upstreamJitter,
      goal: g,
      levels: realistic,
      saturation: saturation ? { upstream_ms: 0, levels: saturation } : null,
    },
    charts: { [`${name}.svg`]: chart(input, realistic) },
  };
}
