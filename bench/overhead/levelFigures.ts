// Turns one level's raw runs into its figures: each mode's percentiles, throughput, CPU and memory,
// and the router's and Portkey's ADDED figures (their value minus the direct path's, same run),
// computed from unrounded percentiles so a 1 s upstream delay does not round the difference away.
// The control path (direct again) gets the same added figures: what "added" reads when nothing was
// added, the run's noise.

import { round, summarize } from "@switchyard/measure";
import { toMiB } from "../lib/peakMemory.ts";
import type { GcPauses } from "./gcPauses.ts";
import type { Mode } from "./loadClients.ts";
import type { ModeRun } from "./runLevel.ts";

export interface ModeFigures {
  requests: number;
  errors: number;
  first_error: string | null;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Unrounded p50/p99, from which the added figures are computed. */
  exact: { p50: number; p99: number };
  throughput_rps: number;
  /** CPU of the benchmark process (client, plus the router when in-process) per request. */
  cpu_us_per_request: number;
  /** CPU of the peer's own process per request (Portkey), 0 in-process. */
  peer_cpu_us_per_request: number;
  /** Peak RSS of the benchmark process during this mode's blocks. */
  peak_rss_mib: number;
  /** Peak RSS of the peer's process during its blocks (Portkey only). */
  peer_peak_rss_mib: number | null;
  /** Garbage-collection pauses of the benchmark process that started during this mode's blocks. */
  gc_pauses: { count: number; total_ms: number; max_ms: number };
}

export interface PathFigures extends ModeFigures {
  added_p50_ms: number;
  added_p99_ms: number;
  /** All CPU spent per request beyond the direct path's (this process and the peer's). */
  added_cpu_us_per_request: number;
}

export interface LevelFigures {
  concurrency: number;
  direct: ModeFigures;
  /** The direct path a second time, as its own path (A/A): its added figures are the run's noise. */
  control: PathFigures | null;
  router: PathFigures;
  portkey: PathFigures | null;
}

function modeFigures(
  run: ModeRun,
  peak: number | undefined,
  peerPeak: number | undefined,
  gc: GcPauses | undefined,
): ModeFigures {
  const s = summarize(run.latenciesMs);
  const done = run.latenciesMs.length + run.errors;
  return {
    requests: done,
    errors: run.errors,
    first_error: run.firstError,
    p50_ms: round(s.p50, 3),
    p99_ms: round(s.p99, 3),
    max_ms: round(s.max, 3),
    exact: { p50: s.p50, p99: s.p99 },
    throughput_rps: Math.round(run.latenciesMs.length / (run.wallMs / 1000)),
    cpu_us_per_request: round(run.cpuUs / done, 1),
    peer_cpu_us_per_request: round(run.peerCpuUs / done, 1),
    peak_rss_mib: toMiB(peak ?? 0),
    peer_peak_rss_mib: peerPeak === undefined ? null : toMiB(peerPeak),
    gc_pauses: {
      count: gc?.count ?? 0,
      total_ms: round(gc?.totalMs ?? 0, 1),
      max_ms: round(gc?.maxMs ?? 0, 1),
    },
  };
}

function added(m: ModeFigures, direct: ModeFigures): PathFigures {
  return {
    ...m,
    added_p50_ms: round(m.exact.p50 - direct.exact.p50, 3),
    added_p99_ms: round(m.exact.p99 - direct.exact.p99, 3),
    added_cpu_us_per_request: round(
      m.cpu_us_per_request + m.peer_cpu_us_per_request - direct.cpu_us_per_request,
      1,
    ),
  };
}

export function figuresFor(
  concurrency: number,
  runs: Partial<Record<Mode, ModeRun>>,
  peaks: Record<string, number>,
  peerPeaks: Record<string, number>,
  gc: Record<string, GcPauses>,
): LevelFigures {
  const direct = modeFigures(runs.direct!, peaks.direct, undefined, gc.direct);
  return {
    concurrency,
    direct,
    control: runs.control
      ? added(modeFigures(runs.control, peaks.control, undefined, gc.control), direct)
      : null,
    router: added(modeFigures(runs.router!, peaks.router, undefined, gc.router), direct),
    portkey: runs.portkey
      ? added(modeFigures(runs.portkey, peaks.portkey, peerPeaks.portkey, gc.portkey), direct)
      : null,
  };
}
