// pnpm bench:overhead [--quick] [--deep] [--no-portkey] [--upstream-ms=N] [--upstream-jitter=F] [--out=NAME]
// What the router adds, in-process, over calling the upstream directly, at 1, 100 and 1000 concurrent,
// with the Portkey gateway as a peer. The upstream answers after about a second, ± 10%; every block of
// every path runs in a fresh process of its own and draws the same seeded delays. --deep adds GC pauses,
// the heap kept per waiting request and a saturation scenario (an upstream that answers at once).
// Writes bench/results/overhead.{md,json,svg} (NAME.* with --out).
import path from "node:path";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";
import type { Mode } from "./overhead/loadClients.ts";
import { type OverheadInput, overheadReport } from "./overhead/overheadReport.ts";
import { startPortkey } from "./overhead/portkeyGateway.ts";
import { keptBytes, levelSizes, runLevel, type Scenario } from "./overhead/runLevel.ts";

const flags = parseFlags(
  z.object({
    quick: z.boolean().default(false),
    deep: z.boolean().default(false),
    "no-portkey": z.boolean().default(false),
    "upstream-ms": z.coerce.number().int().min(1).max(60_000).default(1000),
    "upstream-jitter": z.coerce.number().min(0).max(0.9).default(0.1),
    out: z
      .string()
      .regex(/^[a-z0-9-]+$/, "a-z, 0-9 and -")
      .default("overhead"),
  }),
  {
    quick: { type: "boolean" },
    deep: { type: "boolean" },
    "no-portkey": { type: "boolean" },
    "upstream-ms": { type: "string" },
    "upstream-jitter": { type: "string" },
    out: { type: "string" },
  },
);

const machine = machineFacts();
const upstreamEntry = path.join(import.meta.dirname, "overhead/fixedUpstream.ts");
const jitter = flags["upstream-jitter"];
const portkey = flags["no-portkey"] ? null : await startPortkey();
const results: OverheadInput["results"] = {};
let kept: OverheadInput["keptBytes"] = null;

async function runScenario(scenario: Scenario) {
  const delayMs = scenario === "realistic" ? flags["upstream-ms"] : 0;
  const upstream = await startChild(upstreamEntry, [String(delayMs), String(jitter)]);
  // The A/A control is the verdict's noise reference; saturation judges nothing, so it skips it.
  const modes: Mode[] = ["direct", ...(scenario === "realistic" ? ["control" as const] : []), "router"];
  if (portkey) modes.push("portkey");
  const options = { modes, upstreamUrl: upstream.url, portkey, delayMs, deep: flags.deep };
  try {
    const heap = (mode: Mode) => keptBytes(options, mode, jitter);
    if (flags.deep && scenario === "realistic")
      kept = { direct: await heap("direct"), router: await heap("router") };
    const levels = [];
    for (const size of levelSizes(scenario, flags.quick, delayMs)) {
      const l = await runLevel(options, size);
      const added = (["control", "router", "portkey"] as const).map(
        (m) =>
          l[m] &&
          `${m} ${l[m].added_p50_ms}/${l[m].added_p99_ms} (${l[m].errors} errors${l[m].first_error ? `, first: ${l[m].first_error}` : ""})`,
      );
      console.log(`${scenario} c=${size.concurrency}, added p50/p99 ms: ${added.filter(Boolean).join(", ")}`);
      levels.push(l);
    }
    return levels;
  } finally {
    await upstream.stop();
  }
}

try {
  results.realistic = await runScenario("realistic");
  if (flags.deep) results.saturation = await runScenario("saturation");
  const run = { machine, quick: flags.quick, upstreamMs: flags["upstream-ms"], upstreamJitter: jitter };
  const report = overheadReport({ ...run, results, name: flags.out, keptBytes: kept });
  for (const file of writeReport(report)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await portkey?.stop();
}
