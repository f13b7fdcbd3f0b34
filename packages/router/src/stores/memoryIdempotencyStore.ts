// In-memory IdempotencyStore for tests, scripts and single-process use. Same semantics as the
// Postgres one: fingerprint check, replay of completed results, leases so a crash frees the key, and
// only the holder of a claim may complete or release it.
import { randomUUID } from "node:crypto";
import type { ClaimOptions, ClaimResult, IdempotencyStore, StoredResponse } from "./types.ts";

interface Entry {
  fingerprint: string;
  holder: string;
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
      const holder = randomUUID();
      this.#entries.set(key, {
        fingerprint,
        holder,
        response: null,
        leaseUntil: now + options.leaseMs,
        expiresAt: now + options.ttlMs,
      });
      return { state: "claimed", holder };
    }
    if (entry.fingerprint !== fingerprint) return { state: "conflict" };
    if (entry.response) return { state: "replay", response: entry.response };
    return { state: "in_progress" };
  }

  async complete(key: string, holder: string, response: StoredResponse): Promise<boolean> {
    const entry = this.#held(key, holder);
    if (entry) entry.response = response;
    return entry !== null;
  }

  async release(key: string, holder: string): Promise<boolean> {
    const entry = this.#held(key, holder);
    if (entry) this.#entries.delete(key);
    return entry !== null;
  }

  async purgeExpired(): Promise<number> {
    const now = this.#now();
    let purged = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now && this.#entries.delete(key)) purged++;
    }
    return purged;
  }

  /** The entry if `holder` still holds it unfinished. */
  #held(key: string, holder: string): Entry | null {
    const entry = this.#entries.get(key);
    return entry && entry.holder === holder && entry.response === null ? entry : null;
  }
}
