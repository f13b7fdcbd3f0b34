// One path's bytes allocated per request, in a fresh process of its own (started by cpuPerRequest.ts
// with a 64 MB young generation): after a warm-up, batches of requests one at a time, each read as the
// growth of the young generation between two collections. Unlike CPU time this does not move with
// the machine's load, so it tells a real change from noise. Also the live heap after the warm-up.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { type CatalogSize, type Mode, senderFor } from "./loadClients.ts";

export interface AllocationPlan {
  mode: Mode;
  catalog: CatalogSize;
  upstreamUrl: string;
  /** Where to write a sampling heap profile of the measured batches, garbage included. */
  heapProfile?: string;
}

export interface AllocationResult {
  /** Median over the batches no collection interrupted. */
  bytesPerRequest: number;
  batches: number;
  /** Used heap after two full collections, with no request in flight. */
  liveHeapBytes: number;
}

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const plan = JSON.parse(process.argv[2]!) as AllocationPlan;
const { send, close } = senderFor(plan.mode, plan.upstreamUrl, null, plan.catalog);

let collections = 0;
const observer = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
observer.observe({ entryTypes: ["gc"] });
const youngUsed = () =>
  v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_used_size;
const settle = () => new Promise((r) => setImmediate(r)); // GC entries arrive asynchronously

for (let i = 0; i < 3000; i++) await send();
gc();
gc();
const liveHeapBytes = v8.getHeapStatistics().used_heap_size;
const session = plan.heapProfile ? new Session() : null;
if (session) {
  session.connect();
  // Every 256 bytes, and samples of objects already collected stay: the garbage is what is measured.
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const perBatch = 50;
const samples: number[] = [];
for (let batch = 0; batch < 100; batch++) {
  await settle();
  const [seen, before] = [collections, youngUsed()];
  for (let i = 0; i < perBatch; i++) await send();
  const after = youngUsed();
  await settle();
  if (collections === seen && after > before) samples.push((after - before) / perBatch);
}
observer.disconnect();
if (session && plan.heapProfile) {
  const { profile } = await session.post("HeapProfiler.stopSampling");
  writeFileSync(plan.heapProfile, JSON.stringify(profile));
  session.disconnect();
}
samples.sort((a, b) => a - b);
await close();
const result: AllocationResult = {
  bytesPerRequest: Math.round(samples[samples.length >> 1] ?? Number.NaN),
  batches: samples.length,
  liveHeapBytes,
};
process.send!(result, () => process.exit(0));
