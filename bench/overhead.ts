// pnpm bench:overhead [--quick] [--no-portkey] [--upstream-ms=N] [--upstream-jitter=F] [--scenario=both|realistic|saturation]
//   [--out=NAME]
// Added latency of the router, in-process, over calling the upstream directly, at concurrency 1, 100
// and 1000, with the Portkey gateway measured the same way as a peer, in two scenarios: a realistic
// upstream that answers after about a second, ±10% (the goal is judged here; every block runs in a
// fresh process of its own, so each path pays for its own garbage collection) and an instant
// upstream that saturates the CPU (added CPU per request and throughput; all paths in this process).
// Writes bench/results/overhead.{md,json,svg} (or NAME.* with --out, e.g. for a run with other V8
// flags).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineFacts } from "@switchyard/measure";
import { createDispatcher } from "@switchyard/router";
import { z } from "zod";
import { startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { ownRss, pidRss, samplePeaks, toMiB } from "./lib/peakMemory.ts";
import { ownCpuUs, pidCpuUs } from "./lib/processCpu.ts";
import { writeReport } from "./lib/report.ts";
import { createBenchRouter } from "./overhead/benchRouter.ts";
import { recordGcPauses } from "./overhead/gcPauses.ts";
import { type KeptBytes, keptPerWaitingRequest } from "./overhead/keptPerRequest.ts";
import { figuresFor, type LevelFigures } from "./overhead/levelFigures.ts";
import { directSender, type Mode, portkeySender, routerSender, type Send } from "./overhead/loadClients.ts";
import { overheadReport } from "./overhead/overheadReport.ts";
import { type PortkeyGateway, startPortkey } from "./overhead/portkeyGateway.ts";
import { runIsolated } from "./overhead/runIsolated.ts";
import { runLevel } from "./overhead/runLevel.ts";
import { type LevelPlanSize, type Scenario, scenarioLevels } from "./overhead/scenarios.ts";

const flags = parseFlags(
  z.object({
    quick: z.boolean().default(false),
    "no-portkey": z.boolean().default(false),
    "upstream-ms": z.coerce.number().int().min(1).max(60_000).default(1000),
    "upstream-jitter": z.coerce.number().min(0).max(0.9).default(0.1),
    scenario: z.enum(["both", "realistic", "saturation"]).default("both"),
    out: z
      .string()
      .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes")
      .default("overhead"),
  }),
  {
    quick: { type: "boolean" },
    "no-portkey": { type: "boolean" },
    "upstream-ms": { type: "string" },
    "upstream-jitter": { type: "string" },
    scenario: { type: "string" },
    out: { type: "string" },
  },
);

const here = path.dirname(fileURLToPath(import.meta.url));
const machine = machineFacts();
const upstreamMs = flags["upstream-ms"];
const upstreamJitter = flags["upstream-jitter"];
const scenarios: Scenario[] = flags.scenario === "both" ? ["realistic", "saturation"] : [flags.scenario];
const portkey = flags["no-portkey"] ? null : await startPortkey();

interface ScenarioRun {
  levels: LevelFigures[];
  /** Heap kept per waiting request by in-process path (realistic only: its upstream is slow). */
  kept: KeptBytes | null;
}

async function runScenario(scenario: Scenario, gateway: PortkeyGateway | null): Promise<ScenarioRun> {
  const delayMs = scenario === "realistic" ? upstreamMs : 0;
  const upstream = await startChild(path.join(here, "overhead/fixedUpstream.ts"), [
    String(delayMs),
    String(upstreamJitter),
  ]);
  const router = createBenchRouter(upstream.url);
  // Each path its own client, built as the router builds its upstream client.
  const clientAgent = createDispatcher();
  const controlAgent = createDispatcher();
  const peerAgent = createDispatcher();
  const senders: Partial<Record<Mode, Send>> = {
    direct: directSender(upstream.url, clientAgent),
    // The verdict's noise reference; the saturation scenario judges nothing, so it skips it.
    ...(scenario === "realistic" ? { control: directSender(upstream.url, controlAgent) } : {}),
    router: routerSender(router),
    ...(gateway ? { portkey: portkeySender(gateway.url, upstream.url, peerAgent) } : {}),
  };
  try {
    for (const [mode, send] of Object.entries(senders)) {
      await send().catch((err: unknown) => {
        throw new Error(
          `${scenario} ${mode}: the first request failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
    }
    let kept: KeptBytes | null = null;
    if (scenario === "realistic") {
      // Twice per path, keeping the second: the first also pays for sockets the agent opens.
      const measure = (mode: "direct" | "router") =>
        keptPerWaitingRequest(senders[mode]!, 1000, Math.min(300, (delayMs * (1 - upstreamJitter)) / 2));
      await measure("direct");
      await measure("router");
      kept = { direct: await measure("direct"), router: await measure("router") };
      console.log(`heap kept per waiting request: direct ${kept.direct} B, router ${kept.router} B`);
    }
    const results: LevelFigures[] = [];
    for (const level of scenarioLevels(scenario, flags.quick, delayMs)) {
      console.log(
        `${scenario} c=${level.concurrency}: ${level.requests} requests per mode (${Object.keys(senders).join(", ")})` +
          (scenario === "realistic" ? `, each path in ${level.rounds} fresh process(es)` : ""),
      );
      const figures =
        scenario === "realistic"
          ? await isolatedLevel(level, upstream.url, Object.keys(senders) as Mode[], gateway)
          : await inProcessLevel(level, senders, gateway);
      results.push(figures);
      const r = figures.router;
      const p = figures.portkey;
      console.log(
        `  added p50/p99 ms, CPU µs/req: router ${r.added_p50_ms}/${r.added_p99_ms}, ${r.added_cpu_us_per_request}` +
          (p ? `; portkey ${p.added_p50_ms}/${p.added_p99_ms}, ${p.added_cpu_us_per_request}` : ""),
      );
    }
    return { levels: results, kept };
  } finally {
    await router.close();
    await clientAgent.destroy();
    await controlAgent.destroy();
    await peerAgent.destroy();
    await upstream.stop();
  }
}

/** Saturation: every path in this process, in alternating blocks. */
async function inProcessLevel(
  level: LevelPlanSize,
  senders: Partial<Record<Mode, Send>>,
  gateway: PortkeyGateway | null,
): Promise<LevelFigures> {
  const memory = samplePeaks(ownRss);
  const gc = recordGcPauses();
  const peerMemory = gateway ? samplePeaks(pidRss(gateway.pid)) : null;
  const runs = await runLevel({
    concurrency: level.concurrency,
    requestsPerMode: level.requests,
    blockSize: level.blockSize,
    warmupPerMode: level.warmup,
    senders,
    memory,
    peerMemory,
    cpu: ownCpuUs,
    peerCpu: gateway ? pidCpuUs(gateway.pid) : null,
    gc,
  });
  return figuresFor(level.concurrency, runs, memory.stop(), peerMemory?.stop() ?? {}, await gc.stop());
}

/** Realistic: every block of every path in a fresh process of its own (see runIsolated.ts). */
async function isolatedLevel(
  level: LevelPlanSize,
  upstreamUrl: string,
  modes: Mode[],
  gateway: PortkeyGateway | null,
): Promise<LevelFigures> {
  const r = await runIsolated({
    modes,
    upstreamUrl,
    portkey: gateway ? { url: gateway.url, pid: gateway.pid } : null,
    concurrency: level.concurrency,
    rounds: level.rounds,
    requestsPerMode: level.requests,
    warmupPerBlock: level.warmup,
    warmupConcurrency: level.warmupConcurrency,
    staggerMs: upstreamMs,
  });
  return figuresFor(level.concurrency, r.runs, r.peaks, r.peerPeaks, r.gc);
}

try {
  const results: Partial<Record<Scenario, LevelFigures[]>> = {};
  let kept: KeptBytes | null = null;
  for (const scenario of scenarios) {
    const run = await runScenario(scenario, portkey);
    results[scenario] = run.levels;
    kept ??= run.kept;
  }
  const report = overheadReport({
    machine,
    quick: flags.quick,
    upstreamMs,
    upstreamJitter,
    results,
    name: flags.out,
    keptBytes: kept,
  });
  for (const file of writeReport(report)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  console.log(`peak RSS of this process: ${toMiB(process.resourceUsage().maxRSS * 1024)} MiB`);
} finally {
  await portkey?.stop();
}
