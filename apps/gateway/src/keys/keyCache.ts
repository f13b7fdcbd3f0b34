// Virtual keys looked up at most once a second per key and process: under load every request would
// otherwise wait for the same row. Concurrent lookups of one key share one query. A revocation or an
// expiry therefore takes effect within KEY_CACHE_MS on every instance. Unknown keys are never cached,
// so a key made a moment ago works at once.
import { createHash } from "node:crypto";
import type { GatewayKey } from "@switchyard/db";

export const KEY_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

type Finder = (secret: string) => Promise<GatewayKey | null>;

export function cachedKeyLookup(find: Finder, ttlMs = KEY_CACHE_MS, now = () => Date.now()): Finder {
  const entries = new Map<string, { at: number; key: Promise<GatewayKey | null> }>();
  return (secret) => {
    // By the secret's hash: the cache never holds a key itself.
    const id = createHash("sha256").update(secret).digest("hex");
    const hit = entries.get(id);
    if (hit && now() - hit.at < ttlMs) return hit.key;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const key = find(secret).then(
      (found) => {
        if (!found) entries.delete(id);
        return found;
      },
      (error: unknown) => {
        entries.delete(id);
        throw error;
      },
    );
    entries.set(id, { at: now(), key });
    return key;
  };
}
