// Reads the local provider's request log after a run: upstream image calls per endpoint and status,
// duplicate generations per idempotency key, how fast the breaker stopped sending to a failing
// primary, and calls over time for the chart.

export interface LogEntry {
  at: number;
  endpoint: string;
  path: string;
  status: number;
  idempotencyKey?: string;
}

export const PRIMARY = "image-primary";
export const BACKUP = "image-backup";
const IMAGE_PATH = "/v1/images/generations";

export async function fetchImageCalls(providerUrl: string, keyPrefix: string): Promise<LogEntry[]> {
  const res = await fetch(`${providerUrl}/control/log?path=${encodeURIComponent(IMAGE_PATH)}`);
  const entries = (await res.json()) as LogEntry[];
  return entries.filter((e) => e.idempotencyKey?.startsWith(keyPrefix)).sort((a, b) => a.at - b.at);
}

/** Generations beyond the first that answered 200 for the same key: each one would be paid twice. */
export function duplicateGenerations(calls: LogEntry[]): number {
  const ok = new Map<string, number>();
  for (const c of calls) {
    if (c.status === 200 && c.idempotencyKey) ok.set(c.idempotencyKey, (ok.get(c.idempotencyKey) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const n of ok.values()) duplicates += Math.max(0, n - 1);
  return duplicates;
}

export function countBy(calls: LogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of calls) {
    const k = `${c.endpoint} ${c.status}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

export interface BreakerReaction {
  /** Time of the primary's first failure (429 or 5xx), ms since the run started. */
  firstFailureMs: number | null;
  /** From that failure until the last call that still reached the primary before it went quiet. */
  stoppedAfterMs: number | null;
  /** Calls that reached the primary in that window (in flight or sent before the breaker opened). */
  callsInWindow: number;
}

/**
 * The breaker's reaction, seen from the provider: after the primary's first failure, the calls that
 * kept arriving until the first quiet gap of `gapMs` (the breaker open, nothing sent).
 */
export function breakerReaction(calls: LogEntry[], runStart: number, gapMs = 250): BreakerReaction {
  const primary = calls.filter((c) => c.endpoint === PRIMARY);
  const first = primary.findIndex((c) => c.status === 429 || c.status >= 500);
  if (first < 0) return { firstFailureMs: null, stoppedAfterMs: null, callsInWindow: 0 };
  const start = primary[first]!.at;
  let last = start;
  let n = 0;
  for (const c of primary.slice(first + 1)) {
    if (c.at - last >= gapMs) break;
    last = c.at;
    n++;
  }
  return { firstFailureMs: start - runStart, stoppedAfterMs: last - start, callsInWindow: n };
}

export interface TimelineSeries {
  name: string;
  values: number[];
}

/** Upstream image calls per `bucketMs`, by endpoint and outcome. */
export function timeline(
  calls: LogEntry[],
  runStart: number,
  bucketMs: number,
): { buckets: number; series: TimelineSeries[] } {
  const end = calls.reduce((m, c) => Math.max(m, c.at), runStart);
  const buckets = Math.max(1, Math.ceil((end - runStart + 1) / bucketMs));
  const names = [
    [`${PRIMARY} ok`, (c: LogEntry) => c.endpoint === PRIMARY && c.status === 200],
    [`${PRIMARY} 429`, (c: LogEntry) => c.endpoint === PRIMARY && c.status === 429],
    [`${PRIMARY} 5xx`, (c: LogEntry) => c.endpoint === PRIMARY && (c.status >= 500 || c.status === 0)],
    [`${BACKUP} ok`, (c: LogEntry) => c.endpoint === BACKUP && c.status === 200],
    [`${BACKUP} failed`, (c: LogEntry) => c.endpoint === BACKUP && c.status !== 200],
  ] as const;
  const series = names.map(([name, match]) => {
    const values = new Array<number>(buckets).fill(0);
    for (const c of calls) if (match(c)) values[Math.floor((c.at - runStart) / bucketMs)]! += 1;
    return { name, values };
  });
  return { buckets, series: series.filter((s) => s.values.some((v) => v > 0)) };
}
