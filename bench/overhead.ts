// pnpm bench:overhead [--quick] [--no-portkey]
// Added latency of the router, in-process, over calling the upstream directly, at concurrency 1, 100
// and 1000; the Portkey gateway measured the same way as a peer. Writes bench/results/overhead.{md,json,svg}.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { ownRss, pidRss, samplePeaks, toMiB } from "./lib/peakMemory.ts";
import { ownCpuUs, pidCpuUs } from "./lib/processCpu.ts";
import { machineFacts, writeReport } from "./lib/report.ts";
import { createBenchRouter } from "./overhead/benchRouter.ts";
import { figuresFor, type LevelFigures } from "./overhead/levelFigures.ts";
import {
  directSender,
  type Mode,
  newAgent,
  portkeySender,
  routerSender,
  type Send,
} from "./overhead/loadClients.ts";
import { overheadReport } from "./overhead/overheadReport.ts";
import { startPortkey } from "./overhead/portkeyGateway.ts";
import { runLevel } from "./overhead/runLevel.ts";

const flags = parseFlags(
  z.object({ quick: z.boolean().default(false), "no-portkey": z.boolean().default(false) }),
  { quick: { type: "boolean" }, "no-portkey": { type: "boolean" } },
);

const levels = [
  { concurrency: 1, requests: flags.quick ? 200 : 2_000 },
  { concurrency: 100, requests: flags.quick ? 2_000 : 20_000 },
  { concurrency: 1000, requests: flags.quick ? 4_000 : 20_000 },
];

const here = path.dirname(fileURLToPath(import.meta.url));
const machine = machineFacts();
const upstream = await startChild(path.join(here, "overhead/fixedUpstream.ts"));
const portkey = flags["no-portkey"] ? null : await startPortkey();
const router = createBenchRouter(upstream.url);
const clientAgent = newAgent();
const senders: Partial<Record<Mode, Send>> = {
  direct: directSender(upstream.url, clientAgent),
  router: routerSender(router),
  ...(portkey ? { portkey: portkeySender(portkey.url, upstream.url, newAgent()) } : {}),
};

try {
  for (const [mode, send] of Object.entries(senders)) {
    await send().catch((err: unknown) => {
      throw new Error(
        `${mode}: the first request failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }
  const results: LevelFigures[] = [];
  for (const level of levels) {
    const memory = samplePeaks(ownRss);
    const peerMemory = portkey ? samplePeaks(pidRss(portkey.pid)) : null;
    console.log(
      `c=${level.concurrency}: ${level.requests} requests per mode (${Object.keys(senders).join(", ")})`,
    );
    const runs = await runLevel({
      concurrency: level.concurrency,
      requestsPerMode: level.requests,
      blockSize: Math.max(20, 4 * level.concurrency),
      warmupPerMode: Math.max(50, 2 * level.concurrency),
      senders,
      memory,
      peerMemory,
      cpu: ownCpuUs,
      peerCpu: portkey ? pidCpuUs(portkey.pid) : null,
    });
    const figures = figuresFor(level.concurrency, runs, memory.stop(), peerMemory?.stop() ?? {});
    results.push(figures);
    console.log(
      `  added p50/p99 ms: router ${figures.router.added_p50_ms}/${figures.router.added_p99_ms}` +
        (figures.portkey ? `, portkey ${figures.portkey.added_p50_ms}/${figures.portkey.added_p99_ms}` : ""),
    );
  }
  const report = overheadReport({
    machine,
    quick: flags.quick,
    levels: results,
    upstream: "fixed",
  });
  for (const file of writeReport(report)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  console.log(`peak RSS of this process: ${toMiB(process.resourceUsage().maxRSS * 1024)} MiB`);
} finally {
  await router.close();
  clientAgent.destroy();
  await portkey?.stop();
  await upstream.stop();
}
