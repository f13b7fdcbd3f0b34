// One path's block of the realistic scenario in a fresh Node process of its own (run by
// runIsolated.ts): a warm-up, then the measured block, then the figures back over IPC. In its own
// process a path's garbage-collection pauses hold up only its own requests; sharing one heap, the
// garbage one path leaves is collected in whichever path's block comes next.
import { createDispatcher } from "@switchyard/router";
import { ownRss, pidRss, samplePeaks } from "../lib/peakMemory.ts";
import { ownCpuUs, pidCpuUs } from "../lib/processCpu.ts";
import { createBenchRouter } from "./benchRouter.ts";
import { collectGarbage } from "./collectGarbage.ts";
import { recordGcPauses } from "./gcPauses.ts";
import type { IsolatedBlockPlan, IsolatedBlockResult } from "./isolatedProtocol.ts";
import { directSender, portkeySender, routerSender, type Send } from "./loadClients.ts";
import { newModeRun, runBlock } from "./runLevel.ts";

const plan = JSON.parse(process.argv[2]!) as IsolatedBlockPlan;
const router = plan.mode === "router" ? createBenchRouter(plan.upstreamUrl) : null;
const agent = createDispatcher();
const send: Send = router
  ? routerSender(router)
  : plan.mode === "portkey"
    ? portkeySender(plan.portkey!.url, plan.upstreamUrl, agent)
    : directSender(plan.upstreamUrl, agent);

// Then the upstream's delays start again from their seed, so every block draws the same ones, and
// the warm-up's garbage goes, as before every block of the in-process rotation.
await runBlock(send, plan.warmup, plan.warmupConcurrency, plan.staggerMs, null);
const rewound = await fetch(`${plan.upstreamUrl}/bench/rewind`, { method: "POST" });
if (rewound.status !== 204) throw new Error(`upstream rewind: HTTP ${rewound.status}`);
collectGarbage();
const run = newModeRun();
const memory = samplePeaks(ownRss);
const peerMemory = plan.portkey ? samplePeaks(pidRss(plan.portkey.pid)) : null;
const peerCpu = plan.portkey ? pidCpuUs(plan.portkey.pid) : () => 0;
const gc = recordGcPauses();
memory.phase(plan.mode);
peerMemory?.phase(plan.mode);
const cpu0 = ownCpuUs();
const peer0 = peerCpu();
const start = performance.now();
run.wallMs = await runBlock(send, plan.count, plan.concurrency, plan.staggerMs, run);
gc.block(plan.mode, start, performance.now());
run.cpuUs = ownCpuUs() - cpu0;
run.peerCpuUs = peerCpu() - peer0;
const result: IsolatedBlockResult = {
  run,
  gc: (await gc.stop())[plan.mode] ?? { count: 0, totalMs: 0, maxMs: 0 },
  peakRss: memory.stop()[plan.mode] ?? 0,
  peerPeakRss: peerMemory?.stop()[plan.mode] ?? null,
};
await router?.close();
await agent.destroy();
process.send!(result, () => process.exit(0));
