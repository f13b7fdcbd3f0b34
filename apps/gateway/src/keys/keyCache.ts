// Virtual keys looked up at most once a second per key and process, by the secret's hash (the cache
// never holds a secret): under load every request would otherwise wait for the same row. Concurrent
// lookups of one key share one query. A key in use is read again in the background just before its
// second is up, so a steady caller never waits for the database; one unused for a second is dropped.
// A revocation or an expiry therefore takes effect within KEY_CACHE_MS on every instance. Unknown keys
// are never cached, so a key made a moment ago works at once.
import { type GatewayKey, gatewayKeyHash } from "@switchyard/db";

export const KEY_CACHE_MS = 1000;
/** How far into its second a key in use is read again, so the fresh row is there before the old expires. */
const REFRESH_AT = 0.8;
const MAX_ENTRIES = 10_000;

type Finder = (hash: string) => Promise<GatewayKey | null>;
interface Entry {
  at: number;
  key: Promise<GatewayKey | null>;
  /** Asked for since it was read: worth reading again. */
  used: boolean;
}

export function cachedKeyLookup(
  findByHash: Finder,
  ttlMs = KEY_CACHE_MS,
  now = () => Date.now(),
): (secret: string) => Promise<GatewayKey | null> {
  const entries = new Map<string, Entry>();

  const load = (hash: string): Promise<GatewayKey | null> => {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    // Loaded for a request: in use.
    const entry: Entry = { at: now(), key: findByHash(hash), used: true };
    entries.set(hash, entry);
    entry.key.then(
      (found) => {
        if (!found) forget(hash, entry);
        else setTimeout(() => refresh(hash, entry), ttlMs * REFRESH_AT).unref();
      },
      () => forget(hash, entry),
    );
    return entry.key;
  };
  const forget = (hash: string, entry: Entry) => {
    if (entries.get(hash) === entry) entries.delete(hash);
  };
  // The fresh entry replaces this one only once its row is read: lookups meanwhile still get this one.
  const refresh = (hash: string, entry: Entry) => {
    if (entries.get(hash) !== entry) return;
    if (!entry.used) {
      setTimeout(() => forget(hash, entry), ttlMs * (1 - REFRESH_AT)).unref();
      return;
    }
    const next = findByHash(hash);
    next.then(
      (found) => {
        if (entries.get(hash) !== entry) return;
        if (!found) return forget(hash, entry);
        const fresh: Entry = { at: now(), key: next, used: false };
        entries.set(hash, fresh);
        setTimeout(() => refresh(hash, fresh), ttlMs * REFRESH_AT).unref();
      },
      () => undefined,
    );
  };

  return (secret) => {
    const hash = gatewayKeyHash(secret);
    if (hash === null) return Promise.resolve(null);
    const hit = entries.get(hash);
    if (hit && now() - hit.at < ttlMs) {
      hit.used = true;
      return hit.key;
    }
    return load(hash);
  };
}
