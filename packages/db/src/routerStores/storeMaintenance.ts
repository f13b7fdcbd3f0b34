// The database's housekeeping, on a timer in the process that owns the database: expired idempotency
// keys are purged, budget holds nobody settled (their process died) are given back, and owners who grew
// past the threshold get their own vector index (ownerVectorIndexes.ts), once at start-up and then about
// every hour. A timer, not a job, until the apps run scheduled jobs; both steps are single
// statements safe to run from every instance at once.
import type { Database } from "../database.ts";
import { ensureOwnerVectorIndexes, type OwnerIndexRun } from "../ownerVectorIndexes.ts";
import { PgBudgetStore } from "./pgBudgetStore.ts";
import { purgeExpiredKeys } from "./pgIdempotencyStore.ts";

export interface StoreMaintenanceOptions {
  /** Mean time between runs (default one hour); each wait is jittered by ±20% so instances spread out. */
  intervalMs?: number;
  /** Told about a failed run; the next run is still scheduled. Default: one console line. */
  onError?: (error: unknown) => void;
}

export interface MaintenanceRun {
  purgedKeys: number;
  releasedHolds: number;
  ownerIndexes: OwnerIndexRun;
}

export interface StoreMaintenance {
  /** The run at start-up; later runs are on the timer. */
  readonly started: Promise<MaintenanceRun | null>;
  /** One run now. */
  runNow(): Promise<MaintenanceRun>;
  stop(): void;
}

const HOUR_MS = 3_600_000;

export async function maintainStores(db: Database, now = new Date()): Promise<MaintenanceRun> {
  const purgedKeys = await purgeExpiredKeys(db, now);
  const releasedHolds = await new PgBudgetStore(db, { now: () => now }).releaseExpiredHolds();
  const ownerIndexes = await ensureOwnerVectorIndexes(db);
  return { purgedKeys, releasedHolds, ownerIndexes };
}

export function startStoreMaintenance(db: Database, options: StoreMaintenanceOptions = {}): StoreMaintenance {
  const intervalMs = options.intervalMs ?? HOUR_MS;
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(
        "[switchyard] store maintenance failed:",
        error instanceof Error ? error.message : error,
      ));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runNow = () => maintainStores(db);
  const guarded = () =>
    runNow().catch((error: unknown) => {
      onError(error);
      return null;
    });
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void guarded().finally(schedule), intervalMs * (0.8 + Math.random() * 0.4));
    // Housekeeping never keeps a process alive on its own.
    timer.unref();
  };
  const started = guarded().finally(schedule);
  return {
    started,
    runNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
