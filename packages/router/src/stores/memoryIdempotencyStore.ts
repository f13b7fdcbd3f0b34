// In-memory IdempotencyStore for tests, scripts and single-process use. Same semantics as the
// Postgres one: fingerprint check, replay of completed results, leases so a crash frees the key.
import type { ClaimOptions, ClaimResult, IdempotencyStore, StoredResponse } from "./types.ts";

interface Entry {
  fingerprint: string;
  response: StoredResponse | null;
  leaseUntil: number;
  expiresAt: number;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async claim(key: string, fingerprint: string, options: ClaimOptions): Promise<ClaimResult> {
    const now = this.#now();
    const entry = this.#entries.get(key);
    const absent = !entry || entry.expiresAt <= now || (entry.response === null && entry.leaseUntil <= now);
    if (absent) {
      this.#entries.set(key, {
        fingerprint,
        response: null,
        leaseUntil: now + options.leaseMs,
        expiresAt: now + options.ttlMs,
      });
      return { state: "claimed" };
    }
    if (entry.fingerprint !== fingerprint) return { state: "conflict" };
    if (entry.response) return { state: "replay", response: entry.response };
    return { state: "in_progress" };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry) entry.response = response;
  }

  async release(key: string): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry && entry.response === null) this.#entries.delete(key);
  }
}
