// What runIsolated.ts sends the isolated block's process, and what it sends back.
import type { GcPauses } from "./gcPauses.ts";
import type { Mode } from "./loadClients.ts";
import type { ModeRun } from "./runLevel.ts";

export interface IsolatedBlockPlan {
  mode: Mode;
  upstreamUrl: string;
  portkey: { url: string; pid: number } | null;
  concurrency: number;
  warmup: number;
  warmupConcurrency: number;
  count: number;
  staggerMs: number;
}

export interface IsolatedBlockResult {
  run: ModeRun;
  gc: GcPauses;
  peakRss: number;
  peerPeakRss: number | null;
}
