// The two scenarios of the overhead benchmark and how many requests each level sends.
// realistic: the upstream answers after a fixed delay, so even 1000 requests in flight leave the CPU
//   mostly idle and the added figures are the router's own latency. Requests per level are sized by
//   time (a closed loop of N workers completes about N / delay requests per second).
// saturation: the upstream answers at once, so at 100 and 1000 the closed loop saturates the cores and
//   the added latency is queueing; its useful figures are added CPU per request and throughput.
export type Scenario = "realistic" | "saturation";

export interface LevelPlanSize {
  concurrency: number;
  requests: number;
  /** Saturation: requests per block of the in-process rotation. */
  blockSize: number;
  /** Saturation: warm-up requests per path; realistic: per process, before its measured block. */
  warmup: number;
  /** Realistic: workers of each process's warm-up. */
  warmupConcurrency: number;
  /** Realistic: processes per path, each one measured block (1 for saturation, which runs in-process). */
  rounds: number;
}

const concurrencies = [1, 100, 1000] as const;

/** Seconds of steady load per path per level in the realistic scenario (full run / quick run). */
const realisticSeconds: Record<(typeof concurrencies)[number], [number, number]> = {
  1: [20, 4],
  100: [20, 4],
  // p99 at 1000 concurrent moves with a handful of GC pauses: 6 s per path left A/A runs 0.2–17 ms apart.
  1000: [30, 3],
};

const saturationRequests: Record<(typeof concurrencies)[number], [number, number]> = {
  1: [1_000, 200],
  100: [5_000, 1_000],
  1000: [5_000, 2_000],
};

export function scenarioLevels(scenario: Scenario, quick: boolean, delayMs: number): LevelPlanSize[] {
  return concurrencies.map((c) => {
    const pick = quick ? 1 : 0;
    if (scenario === "saturation") {
      return {
        concurrency: c,
        requests: saturationRequests[c][pick],
        blockSize: Math.max(20, 4 * c),
        warmup: Math.max(50, 2 * c),
        warmupConcurrency: c,
        rounds: 1,
      };
    }
    const perSecond = (c * 1000) / delayMs;
    const requests = Math.max(5, Math.round(realisticSeconds[c][pick] * perSecond));
    // A fresh process warms up for three upstream delays before it measures, with at least 100
    // workers so the code is optimized (JIT) and the heap sized even at concurrency 1.
    const warmupConcurrency = Math.max(c, 100);
    return {
      concurrency: c,
      requests,
      blockSize: requests,
      warmup: 3 * warmupConcurrency,
      warmupConcurrency,
      rounds: quick ? 1 : 3,
    };
  });
}
