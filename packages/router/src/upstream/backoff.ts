// Full-jitter exponential backoff and Retry-After parsing.
import type { IncomingHttpHeaders } from "node:http";

// #region full-jitter
/** A random delay in [0, min(max, base * 2^round)] ("full jitter", AWS architecture blog). */
export function fullJitterDelay(round: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** round);
}
// #endregion

/** Retry-After in seconds (delta-seconds or HTTP date) or retry-after-ms; undefined when absent. */
export function parseRetryAfter(headers: IncomingHttpHeaders, now = Date.now()): number | undefined {
  const ms = headers["retry-after-ms"];
  if (typeof ms === "string" && ms.trim() !== "" && Number.isFinite(Number(ms)))
    return Math.max(0, Number(ms) / 1000);
  const value = headers["retry-after"];
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
