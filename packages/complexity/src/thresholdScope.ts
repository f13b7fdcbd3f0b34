// A threshold for the requests run inside a scope: the router asks its one classifier with the messages
// only, so an app that routes each user at their own dial stop wraps that user's router call in
// atThreshold(). The storage sits on globalThis because Next bundles this module once per route, and
// the process's router may hold the copy another route built.
import { AsyncLocalStorage } from "node:async_hooks";

const STORAGE_KEY = Symbol.for("switchyard.complexity.thresholdScope");

function storage(): AsyncLocalStorage<number> {
  const holder = globalThis as { [STORAGE_KEY]?: AsyncLocalStorage<number> };
  holder[STORAGE_KEY] ??= new AsyncLocalStorage<number>();
  return holder[STORAGE_KEY];
}

/** Runs `run` so that every classification it starts, however deep, uses `threshold`. */
export function atThreshold<T>(threshold: number, run: () => T): T {
  if (!(threshold >= 0 && threshold <= 1.000001))
    throw new RangeError(`threshold ${threshold} is outside [0, 1]`);
  return storage().run(threshold, run);
}

/** The threshold of the enclosing atThreshold() scope, if any. */
export function scopedThreshold(): number | undefined {
  return storage().getStore();
}
