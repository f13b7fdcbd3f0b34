// What the overhead and gateway reports say alike about added latency: the verdict on a limit held
// against the A/A noise, the noise the shared delays spare, and the table of every path by level.
import { round } from "@switchyard/measure";
import { markdownTable } from "../lib/report.ts";
import type { ModeFigures, PathFigures } from "./runLevel.ts";

export type Verdict = "met" | "not met" | "inconclusive";

/** A level as the tables read it: its concurrency and the direct path every other path is held to. */
export interface DirectLevel {
  concurrency: number;
  direct: ModeFigures;
}

/** How the upstream answered: after `upstreamMs`, varying by a fraction either way (0: fixed). */
export interface UpstreamDelay {
  upstreamMs: number;
  upstreamJitter: number;
}

/** Met when figure + noise stays under the limit, not met when figure − noise is over it. */
export function judge(added: number, limit: number, noise: number): Verdict {
  if (added - noise > limit) return "not met";
  if (noise > limit || added < -Math.max(noise, 0.05)) return "inconclusive";
  return added + noise <= limit ? "met" : "inconclusive";
}

/**
 * A path's added p99 against a limit and against half of Portkey's, with the A/A control's added p99
 * as the noise (the control is the direct path again, so what it adds is pure noise, either sign).
 */
export function addedVerdict(
  control: PathFigures | null,
  added: number,
  limit: number,
  portkey: number | null,
) {
  const noise = control ? Math.abs(control.added_p99_ms) : Number.POSITIVE_INFINITY;
  return {
    noise,
    underGoal: judge(added, limit, noise),
    atMostHalfOfPortkey:
      portkey === null ? null : portkey <= 0 ? "inconclusive" : judge(added, portkey / 2, noise),
  };
}

export const topLevel = <L extends DirectLevel>(levels: L[], concurrency: number) =>
  levels.find((l) => l.concurrency === concurrency) ?? levels.at(-1)!;

export const delayText = (d: UpstreamDelay) =>
  `${d.upstreamMs} ms${d.upstreamJitter > 0 ? ` ± ${Math.round(d.upstreamJitter * 100)}%` : ""}`;

/** The noise the shared delays spare: a quantile q of n uniform draws over w errs by w·√(q(1−q)/n). */
export function sharedDelaysNoise(d: UpstreamDelay, top: DirectLevel): string {
  const n = top.direct.requests;
  const w = 2 * d.upstreamJitter * d.upstreamMs;
  const noise = (q: number) => round(w * Math.sqrt((q * (1 - q)) / n), 2);
  return w > 0
    ? ` Drawn independently, ${n.toLocaleString("en-US")} delays over ${w} ms would put about ±${noise(0.5)} ms of noise on the added p50, ±${noise(0.99)} ms on the added p99.`
    : "";
}

const errorsText = (m: ModeFigures) => (m.first_error ? `${m.errors} (${m.first_error})` : m.errors);

/** Every level's direct row, then one row per path that ran (`paths` names them in order). */
export function pathsTable<L extends DirectLevel>(
  levels: L[],
  paths: (level: L) => [name: string, figures: PathFigures | null][],
): string {
  const deep = levels.some((l) => l.direct.gc_pauses);
  const row = (name: string, c: number, m: ModeFigures, a: PathFigures | null) => [
    ...[`c=${c}`, name, m.requests, errorsText(m), m.p50_ms, m.p99_ms, a?.added_p50_ms, a?.added_p99_ms],
    ...[m.throughput_rps, a?.added_cpu_us_per_request],
    ...(deep
      ? [m.gc_pauses && `${m.gc_pauses.count} · ${m.gc_pauses.total_ms} · ${m.gc_pauses.max_ms}`]
      : []),
  ];
  const headers = "level|path|requests|errors|p50 ms|p99 ms|added p50 ms|added p99 ms|req/s|added CPU µs/req";
  return markdownTable(
    [...headers.split("|"), ...(deep ? ["GC pauses: count · ms · max ms"] : [])],
    levels.flatMap((l) => [
      row("direct", l.concurrency, l.direct, null),
      ...paths(l).flatMap(([name, figures]) => (figures ? [row(name, l.concurrency, figures, figures)] : [])),
    ]),
  );
}
