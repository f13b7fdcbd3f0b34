// One concurrency level with every mode in this process (the saturation scenario; the realistic one
// runs each block in a process of its own, runIsolated.ts, with the same runBlock): the same
// closed-loop load through each mode, in blocks that alternate (the order rotates every round) so
// machine drift and noise hit every mode alike, all workers starting at once. Latency is per
// request, from send to parsed answer; throughput is requests over the mode's own block time.
// Against a slow upstream, runBlock starts the workers spread over one upstream delay (staggerMs), so
// requests arrive evenly instead of in waves of N that all land on the event loop in the same
// millisecond.
import type { PeakSampler } from "../lib/peakMemory.ts";
import { collectGarbage } from "./collectGarbage.ts";
import type { GcRecorder } from "./gcPauses.ts";
import type { Mode, Send } from "./loadClients.ts";

export interface ModeRun {
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
  wallMs: number;
  /** CPU of this process (load generator + router when in-process) during the mode's blocks. */
  cpuUs: number;
  /** CPU of the peer's own process during its blocks (Portkey), else 0. */
  peerCpuUs: number;
}

export interface LevelPlan {
  concurrency: number;
  requestsPerMode: number;
  blockSize: number;
  warmupPerMode: number;
  senders: Partial<Record<Mode, Send>>;
  memory: PeakSampler;
  peerMemory: PeakSampler | null;
  cpu: () => number;
  peerCpu: (() => number) | null;
  gc: GcRecorder;
}

/** One block: `count` requests by up to `concurrency` workers; returns its wall time in ms. */
export async function runBlock(
  send: Send,
  count: number,
  concurrency: number,
  staggerMs: number,
  run: ModeRun | null,
): Promise<number> {
  let issued = 0;
  const workers = Math.min(concurrency, count);
  const worker = async (i: number) => {
    if (staggerMs > 0 && i > 0) await new Promise((r) => setTimeout(r, (i * staggerMs) / workers));
    while (issued < count) {
      issued++;
      const start = performance.now();
      try {
        await send();
        run?.latenciesMs.push(performance.now() - start);
      } catch (err) {
        if (run) {
          run.errors++;
          run.firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
  return performance.now() - t0;
}

export function newModeRun(): ModeRun {
  return { latenciesMs: [], errors: 0, firstError: null, wallMs: 0, cpuUs: 0, peerCpuUs: 0 };
}

export async function runLevel(plan: LevelPlan): Promise<Partial<Record<Mode, ModeRun>>> {
  const modes = Object.keys(plan.senders) as Mode[];
  for (const mode of modes)
    await runBlock(plan.senders[mode]!, plan.warmupPerMode, plan.concurrency, 0, null);
  const runs: Partial<Record<Mode, ModeRun>> = {};
  for (const mode of modes) runs[mode] = newModeRun();
  const rounds = Math.ceil(plan.requestsPerMode / plan.blockSize);
  for (let round = 0; round < rounds; round++) {
    const count = Math.min(plan.blockSize, plan.requestsPerMode - round * plan.blockSize);
    const order = modes.map((_, i) => modes[(i + round) % modes.length]!);
    for (const mode of order) {
      const run = runs[mode]!;
      collectGarbage();
      const peer = mode === "portkey" ? plan.peerCpu : null;
      plan.memory.phase(mode);
      plan.peerMemory?.phase(mode === "portkey" ? mode : null);
      const cpu0 = plan.cpu();
      const peer0 = peer?.() ?? 0;
      const blockStart = performance.now();
      run.wallMs += await runBlock(plan.senders[mode]!, count, plan.concurrency, 0, run);
      plan.gc.block(mode, blockStart, performance.now());
      run.cpuUs += plan.cpu() - cpu0;
      run.peerCpuUs += (peer?.() ?? 0) - peer0;
      plan.memory.phase(null);
      plan.peerMemory?.phase(null);
    }
  }
  return runs;
}
