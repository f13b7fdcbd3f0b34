// A fuzz suite's settings from the environment and its report: FUZZ_RUNS and FUZZ_SEED raise the bounded
// run `npm test` makes; FUZZ_OUT names a JSON file for `pnpm bench:fuzz` to merge.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RouteReport } from "./fuzzRunner.ts";

export interface FuzzSettings {
  runs: number;
  seed: number;
  out: string | undefined;
}

/** Runs per route and seed: the given defaults unless FUZZ_RUNS / FUZZ_SEED say otherwise. */
export function fuzzSettings(defaults: { runs: number; seed?: number }, env = process.env): FuzzSettings {
  const int = (raw: string | undefined, fallback: number) => {
    const n = Number(raw);
    return raw && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    runs: int(env.FUZZ_RUNS, defaults.runs),
    seed: int(env.FUZZ_SEED, defaults.seed ?? 20261203),
    out: env.FUZZ_OUT || undefined,
  };
}

export interface FuzzSuiteReport {
  suite: string;
  runsPerRoute: number;
  seed: number;
  durationMs: number;
  routes: RouteReport[];
}

/**
 * Writes the suite's report where FUZZ_OUT points (nothing when it is unset); its runs and seed are the
 * settings', its duration counted from `startedAt` (a performance.now() reading).
 */
export function writeFuzzReport(
  suite: string,
  routes: RouteReport[],
  settings: FuzzSettings,
  startedAt: number,
): void {
  if (!settings.out) return;
  const report: FuzzSuiteReport = {
    suite,
    runsPerRoute: settings.runs,
    seed: settings.seed,
    durationMs: performance.now() - startedAt,
    routes,
  };
  mkdirSync(path.dirname(settings.out), { recursive: true });
  writeFileSync(settings.out, `${JSON.stringify(report, null, 2)}\n`);
}
