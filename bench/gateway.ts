// pnpm bench:gateway [--quick] [--max-concurrency=N] [--no-portkey] [--upstream-ms=N] [--upstream-jitter=F]
//   [--out=NAME]
// What the Switchyard gateway (apps/gateway, a process of its own) adds over calling the upstream
// directly, with the Portkey gateway (also a process of its own) as a peer, at 1, 100 and 1000
// concurrent: the upstream answers after about a second, ± 10%, every block drawing the same seeded
// delays, with an A/A control; then a saturation run (the upstream answers at once) for requests/s and
// CPU per request. bench:overhead's machinery (bench/overhead/) runs every block in a fresh process.
// Writes bench/results/gateway.{md,json,svg} (NAME.* with --out).
import path from "node:path";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { type GatewayLevel, gatewayReport } from "./gateway/gatewayReport.ts";
import { benchKeyLimits, startSwitchyardGateway } from "./gateway/switchyardGateway.ts";
import { startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";
import type { Mode } from "./overhead/loadClients.ts";
import { startPortkey } from "./overhead/portkeyGateway.ts";
import {
  addedOver,
  type Blocks,
  levelSizes,
  modeFigures,
  runBlocks,
  type Scenario,
} from "./overhead/runLevel.ts";

const flags = parseFlags(
  z.object({
    quick: z.boolean().default(false),
    "no-portkey": z.boolean().default(false),
    /** Only the levels up to N in flight: a smoke test on a busy machine, never the report's figures. */
    "max-concurrency": z.coerce.number().int().min(1).default(1000),
    "upstream-ms": z.coerce.number().int().min(1).max(60_000).default(1000),
    "upstream-jitter": z.coerce.number().min(0).max(0.9).default(0.1),
    out: z
      .string()
      .regex(/^[a-z0-9-]+$/, "a-z, 0-9 and -")
      .default("gateway"),
  }),
  {
    quick: { type: "boolean" },
    "no-portkey": { type: "boolean" },
    "max-concurrency": { type: "string" },
    "upstream-ms": { type: "string" },
    "upstream-jitter": { type: "string" },
    out: { type: "string" },
  },
);

// Saturated already with 100 in flight; 1000 adds connections, not throughput.
const saturationConcurrency = 100;
const machine = machineFacts();
const upstreamEntry = path.join(import.meta.dirname, "overhead/fixedUpstream.ts");
const jitter = flags["upstream-jitter"];
const portkey = flags["no-portkey"] ? null : await startPortkey();

function levelOf(concurrency: number, blocks: Blocks): GatewayLevel {
  const direct = modeFigures(blocks.direct!);
  const added = (mode: Mode) => addedOver(direct, blocks[mode]);
  return {
    concurrency,
    direct,
    control: added("control"),
    gateway: added("gateway"),
    portkey: added("portkey"),
  };
}

const addedText = (l: GatewayLevel) =>
  (["control", "gateway", "portkey"] as const)
    .flatMap((m) => {
      const f = l[m];
      if (!f) return [];
      const first = f.first_error ? `, first: ${f.first_error}` : "";
      return [
        `${m} ${f.added_p50_ms}/${f.added_p99_ms} (${f.throughput_rps} req/s, ${f.errors} errors${first})`,
      ];
    })
    .join(", ");

/** One scenario: its own upstream and a gateway routed to it (the route is fixed at the gateway's start). */
async function runScenario(scenario: Scenario): Promise<GatewayLevel[]> {
  const delayMs = scenario === "realistic" ? flags["upstream-ms"] : 0;
  const upstream = await startChild(upstreamEntry, [String(delayMs), String(jitter)]);
  const gateway = await startSwitchyardGateway(upstream.url).catch(async (err) => {
    await upstream.stop();
    throw err;
  });
  // The A/A control is the verdict's noise reference; saturation judges throughput, so it skips it.
  const modes: Mode[] = ["direct", ...(scenario === "realistic" ? ["control" as const] : []), "gateway"];
  if (portkey) modes.push("portkey");
  const options = { modes, upstreamUrl: upstream.url, portkey, gateway, delayMs, deep: false };
  try {
    const levels: GatewayLevel[] = [];
    const sizes = levelSizes(scenario, flags.quick, delayMs);
    for (const size of sizes.filter((s) => s.concurrency <= flags["max-concurrency"])) {
      const level = levelOf(size.concurrency, await runBlocks(options, size));
      console.log(`${scenario} c=${size.concurrency}, added p50/p99 ms: ${addedText(level)}`);
      levels.push(level);
    }
    return levels;
  } finally {
    await gateway.stop();
    await upstream.stop();
  }
}

try {
  const realistic = await runScenario("realistic");
  const saturation = await runScenario("saturation");
  const report = gatewayReport({
    ...{
      machine,
      quick: flags.quick,
      name: flags.out,
      upstreamMs: flags["upstream-ms"],
      upstreamJitter: jitter,
    },
    ...{ realistic, saturation, saturationConcurrency, keyLimits: benchKeyLimits },
  });
  for (const file of writeReport(report)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await portkey?.stop();
}
