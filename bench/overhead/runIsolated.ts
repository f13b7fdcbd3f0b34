// One realistic level with every block in a fresh process of its own (isolatedBlock.ts): the same
// rounds and rotating order as runLevel, but no path's garbage-collection pauses can land in another
// path's block, so the router's whole GC cost is charged to the router. The A/A path (control) gets
// processes of its own too, so its difference from direct is the noise between processes.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runChildForResult } from "../lib/childProcess.ts";
import type { GcPauses } from "./gcPauses.ts";
import type { IsolatedBlockPlan, IsolatedBlockResult } from "./isolatedProtocol.ts";
import type { Mode } from "./loadClients.ts";
import { type ModeRun, newModeRun } from "./runLevel.ts";

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "isolatedBlock.ts");

export interface IsolatedLevelPlan {
  modes: Mode[];
  upstreamUrl: string;
  portkey: { url: string; pid: number } | null;
  concurrency: number;
  rounds: number;
  requestsPerMode: number;
  /** Requests sent before each measured block, in its process, and by how many workers. */
  warmupPerBlock: number;
  warmupConcurrency: number;
  staggerMs: number;
}

export interface IsolatedLevel {
  runs: Partial<Record<Mode, ModeRun>>;
  peaks: Record<string, number>;
  peerPeaks: Record<string, number>;
  gc: Record<string, GcPauses>;
}

export async function runIsolated(plan: IsolatedLevelPlan): Promise<IsolatedLevel> {
  const level: IsolatedLevel = { runs: {}, peaks: {}, peerPeaks: {}, gc: {} };
  for (const mode of plan.modes) {
    level.runs[mode] = newModeRun();
    level.gc[mode] = { count: 0, totalMs: 0, maxMs: 0 };
  }
  const count = Math.round(plan.requestsPerMode / plan.rounds);
  for (let round = 0; round < plan.rounds; round++) {
    for (let i = 0; i < plan.modes.length; i++) {
      const mode = plan.modes[(i + round) % plan.modes.length]!;
      const blockPlan: IsolatedBlockPlan = {
        mode,
        upstreamUrl: plan.upstreamUrl,
        portkey: mode === "portkey" ? plan.portkey : null,
        concurrency: plan.concurrency,
        warmup: plan.warmupPerBlock,
        warmupConcurrency: plan.warmupConcurrency,
        count,
        staggerMs: plan.staggerMs,
      };
      const r = await runChildForResult<IsolatedBlockResult>(entry, [JSON.stringify(blockPlan)]);
      const run = level.runs[mode]!;
      run.latenciesMs = run.latenciesMs.concat(r.run.latenciesMs);
      run.errors += r.run.errors;
      run.firstError ??= r.run.firstError;
      run.wallMs += r.run.wallMs;
      run.cpuUs += r.run.cpuUs;
      run.peerCpuUs += r.run.peerCpuUs;
      const gc = level.gc[mode]!;
      gc.count += r.gc.count;
      gc.totalMs += r.gc.totalMs;
      gc.maxMs = Math.max(gc.maxMs, r.gc.maxMs);
      level.peaks[mode] = Math.max(level.peaks[mode] ?? 0, r.peakRss);
      if (r.peerPeakRss !== null) level.peerPeaks[mode] = Math.max(level.peerPeaks[mode] ?? 0, r.peerPeakRss);
    }
  }
  return level;
}
