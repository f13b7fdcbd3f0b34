// Peak resident memory, sampled on a timer. Works for this process (process.memoryUsage.rss) and for
// a child by pid (/proc/<pid>/status on Linux), so an in-process library and a gateway in its own
// process are measured the same way. Samples are attributed to the phase that is marked current.
import { readFileSync } from "node:fs";

export type RssReader = () => number;

export const ownRss: RssReader = () => process.memoryUsage.rss();

/** Reads a process's resident set size in bytes; 0 when it cannot be read (not Linux, process gone). */
export function pidRss(pid: number): RssReader {
  return () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : 0;
    } catch {
      return 0;
    }
  };
}

export interface PeakSampler {
  /** Attributes the following samples to `phase` (null: to none). */
  phase(phase: string | null): void;
  /** Peak bytes seen per phase so far. */
  peaks(): Record<string, number>;
  stop(): Record<string, number>;
}

export function samplePeaks(read: RssReader, intervalMs = 20): PeakSampler {
  const peaks: Record<string, number> = {};
  let current: string | null = null;
  const sample = () => {
    if (current === null) return;
    const rss = read();
    if (rss > (peaks[current] ?? 0)) peaks[current] = rss;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    phase(phase) {
      sample();
      current = phase;
      sample();
    },
    peaks: () => ({ ...peaks }),
    stop() {
      sample();
      clearInterval(timer);
      return { ...peaks };
    },
  };
}

export const toMiB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
