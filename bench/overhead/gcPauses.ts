// Garbage-collection pauses of this process, charged to the path whose block was running when each
// pause started: at high concurrency a young-generation pause holds up every answer that lands
// during it, so the pauses explain most of a path's p99 above its p50. The full collections forced
// between blocks (collectGarbage) fall outside every block and are not charged.
import { PerformanceObserver } from "node:perf_hooks";

export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface GcRecorder {
  /** Marks the start and end of one path's block (performance.now() clock). */
  block(mode: string, startMs: number, endMs: number): void;
  /** Stops observing; pauses per path. */
  stop(): Promise<Record<string, GcPauses>>;
}

export function recordGcPauses(): GcRecorder {
  const pauses: { at: number; ms: number }[] = [];
  const blocks: { mode: string; start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ at: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    block(mode, start, end) {
      blocks.push({ mode, start, end });
    },
    async stop() {
      // Entries are delivered asynchronously: let the last ones arrive.
      await new Promise((r) => setImmediate(r));
      observer.disconnect();
      const byMode: Record<string, GcPauses> = {};
      for (const p of pauses) {
        const b = blocks.find((x) => p.at >= x.start && p.at < x.end);
        if (!b) continue;
        byMode[b.mode] ??= { count: 0, totalMs: 0, maxMs: 0 };
        const m = byMode[b.mode]!;
        m.count++;
        m.totalMs += p.ms;
        m.maxMs = Math.max(m.maxMs, p.ms);
      }
      return byMode;
    },
  };
}
