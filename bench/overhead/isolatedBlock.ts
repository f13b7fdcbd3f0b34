// One path's block in a fresh Node process of its own (started by runLevel.ts): a warm-up, then the
// measured block, its figures sent back over IPC. In its own process a path's garbage-collection pauses
// hold up only its own requests. --deep also records those pauses; a plan with `kept` measures the
// heap each waiting request keeps alive instead of running a block.
import { constants, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { ownCpuUs, pidCpuUs } from "../lib/processCpu.ts";
import { senderFor } from "./loadClients.ts";
import type { BlockPlan, BlockResult, Recorder } from "./runLevel.ts";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const plan = JSON.parse(process.argv[2]!) as BlockPlan;
const { send, close } = senderFor(
  plan.mode,
  plan.upstreamUrl,
  plan.portkey?.url ?? null,
  plan.catalog,
  plan.gateway,
);

/**
 * A closed loop: `count` requests by up to `concurrency` workers, each timed from send to parsed answer;
 * returns the wall time in ms. The workers start spread over one upstream delay, so requests arrive
 * evenly, not N in the same millisecond: a burst no real traffic makes.
 */
async function runBlock(count: number, concurrency: number, run: Recorder | null): Promise<number> {
  let issued = 0;
  const workers = Math.min(concurrency, count);
  const worker = async (i: number) => {
    if (plan.delayMs > 0 && i > 0) await new Promise((r) => setTimeout(r, (i * plan.delayMs) / workers));
    while (issued < count) {
      issued++;
      const start = performance.now();
      try {
        await send();
        run?.latenciesMs.push(performance.now() - start);
      } catch (err) {
        if (!run) continue;
        run.errors++;
        run.firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
  return performance.now() - t0;
}

/** Bytes kept per request while N wait on the upstream: what every young-generation pause copies. */
async function keptPerWaitingRequest(n: number, settleMs: number): Promise<number> {
  // Two full collections: the first can leave work (weak references) for a second.
  const usedHeap = () => {
    gc();
    gc();
    return v8.getHeapStatistics().used_heap_size;
  };
  const before = usedHeap();
  const pending = Array.from({ length: n }, () => send());
  await new Promise((r) => setTimeout(r, settleMs));
  const during = usedHeap();
  await Promise.all(pending);
  return Math.round((during - before) / n);
}

async function measuredBlock(): Promise<BlockResult> {
  // The upstream's delays start again from their seed, so every block draws the same ones.
  const rewound = await fetch(`${plan.upstreamUrl}/bench/rewind`, { method: "POST" });
  if (rewound.status !== 204) throw new Error(`upstream rewind: HTTP ${rewound.status}`);
  gc(); // the warm-up's garbage goes now, not during the block
  const run: Recorder = { latenciesMs: [], errors: 0, firstError: null };
  // The peer's process, and for the gateway its database's too.
  const peerPids = plan.portkey
    ? [plan.portkey.pid]
    : plan.gateway
      ? [plan.gateway.pid, ...(plan.gateway.alsoPids ?? [])]
      : [];
  const peerCpus = peerPids.map(pidCpuUs);
  const peerCpu = () => peerCpus.reduce((sum, cpu) => sum + cpu(), 0);
  const pauses: number[] = [];
  const majorPauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      pauses.push(e.duration);
      // A gc entry's detail says which kind of collection it was (Node's typings omit the field).
      const kind = (e as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorPauses.push(e.duration);
    }
  });
  if (plan.deep) observer.observe({ entryTypes: ["gc"] });
  const [cpu0, peer0] = [ownCpuUs(), peerCpu()];
  const wallMs = await runBlock(plan.count, plan.concurrency, run);
  const [cpuUs, peerCpuUs] = [ownCpuUs() - cpu0, peerCpu() - peer0];
  await new Promise((r) => setImmediate(r)); // GC entries arrive asynchronously
  observer.disconnect();
  const gcMajorPausesMs = plan.deep ? majorPauses : null;
  return { ...run, wallMs, cpuUs, peerCpuUs, gcPausesMs: plan.deep ? pauses : null, gcMajorPausesMs };
}

// Three upstream delays of warm-up with at least 100 workers, so the code is optimized and the heap
// sized even at concurrency 1.
const warmupWorkers = Math.max(plan.concurrency, 100);
await runBlock(3 * warmupWorkers, warmupWorkers, null);
// Kept: twice, keeping the second; the first also opens the sockets for N requests in flight.
let result: BlockResult | number;
if (plan.kept) {
  await keptPerWaitingRequest(plan.kept.requests, plan.kept.settleMs);
  result = await keptPerWaitingRequest(plan.kept.requests, plan.kept.settleMs);
} else result = await measuredBlock();
await close();
process.send!(result, () => process.exit(0));
