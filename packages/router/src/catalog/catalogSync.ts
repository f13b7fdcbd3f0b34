// One catalog sync: read an OpenRouter-shaped model listing, keep a new dated price record for each
// model whose price or capabilities changed, and note the run. Records are only ever added (each has
// its effective_from), so a price change never rewrites what was charged before it. A failed sync
// adds nothing but the failed run: the last good records stay the catalog's.
import { updatedLibraryPrices, withLibraryRates } from "./libraryUpdate.ts";
import { type SyncedModel, syncedModels } from "./openRouterListing.ts";

export const OPENROUTER_MODELS_URL = "https://openrouter.ai/api/v1/models";

/** A model's price and capabilities from effectiveFrom on, until its next record. */
export interface PriceRecord extends SyncedModel {
  effectiveFrom: Date;
  /** Where the sync read it (the listing's URL). */
  source: string;
}

export interface CatalogSyncRun {
  at: Date;
  source: string;
  ok: boolean;
  /** Models the listing priced. */
  models: number;
  /** Of them, how many got a new record. */
  changed: number;
  error: string | null;
}

/** Where records and runs are kept: Postgres in the apps (@switchyard/db), memory in tests. */
export interface CatalogPriceStore {
  /** Each model's newest record that has taken effect. */
  current(): Promise<PriceRecord[]>;
  /** A model's records, oldest first. */
  history(modelId: string): Promise<PriceRecord[]>;
  /** Adds the records and the run in one step. */
  record(records: PriceRecord[], run: CatalogSyncRun): Promise<void>;
  /** The newest run, and the newest one that succeeded. */
  lastRuns(): Promise<{ last: CatalogSyncRun | null; lastGood: CatalogSyncRun | null }>;
}

/** JSON with keys sorted, so a record read back from jsonb compares equal to a fresh one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameAs = (a: SyncedModel, b: SyncedModel) =>
  canonical([a.price, a.contextWindow, a.supports]) === canonical([b.price, b.contextWindow, b.supports]);

export interface SyncOptions {
  store: CatalogPriceStore;
  /** The listing (default OpenRouter's); the local provider serves one at /<endpoint>/api/v1/models. */
  url?: string;
  fetch?: typeof fetch;
  now?: Date;
  timeoutMs?: number;
  /** Also fetch the price library's update and merge its long-context and cache-write rates in. */
  libraryUpdate?: boolean;
}

export interface SyncResult {
  run: CatalogSyncRun;
  records: PriceRecord[];
}

/** Short, and free of anything but the failure's kind (the URL holds no key). */
const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200);

export async function syncCatalog(options: SyncOptions): Promise<SyncResult> {
  const source = options.url ?? OPENROUTER_MODELS_URL;
  const at = options.now ?? new Date();
  const fetchFn = options.fetch ?? fetch;
  let listed: SyncedModel[];
  try {
    const res = await fetchFn(source, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!res.ok) throw new Error(`the listing answered HTTP ${res.status}`);
    listed = syncedModels(await res.json());
    if (listed.length === 0) throw new Error("the listing held no model the router can price");
    // The library's update is a bonus: when it fails, the listing's prices are still good.
    const library = options.libraryUpdate ? await updatedLibraryPrices(fetchFn, at, options.timeoutMs) : null;
    if (library) listed = listed.map((m) => withLibraryRates(m, library.get(m.id)));
  } catch (err) {
    const run: CatalogSyncRun = { at, source, ok: false, models: 0, changed: 0, error: reasonOf(err) };
    await options.store.record([], run);
    return { run, records: [] };
  }
  const current = new Map((await options.store.current()).map((r) => [r.id, r]));
  const records: PriceRecord[] = [];
  for (const model of listed) {
    const before = current.get(model.id);
    if (!before || !sameAs(before, model)) records.push({ ...model, effectiveFrom: at, source });
  }
  const run: CatalogSyncRun = {
    at,
    source,
    ok: true,
    models: listed.length,
    changed: records.length,
    error: null,
  };
  await options.store.record(records, run);
  return { run, records };
}

/** The store in memory: one process, tests. */
export class MemoryCatalogPriceStore implements CatalogPriceStore {
  readonly records: PriceRecord[] = [];
  readonly runs: CatalogSyncRun[] = [];

  async current(now = new Date()): Promise<PriceRecord[]> {
    const newest = new Map<string, PriceRecord>();
    for (const r of this.records) {
      if (r.effectiveFrom > now) continue;
      const seen = newest.get(r.id);
      if (!seen || r.effectiveFrom >= seen.effectiveFrom) newest.set(r.id, r);
    }
    return [...newest.values()];
  }

  async history(modelId: string): Promise<PriceRecord[]> {
    return this.records
      .filter((r) => r.id === modelId)
      .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  }

  async record(records: PriceRecord[], run: CatalogSyncRun): Promise<void> {
    this.records.push(...records);
    this.runs.push(run);
  }

  async lastRuns(): Promise<{ last: CatalogSyncRun | null; lastGood: CatalogSyncRun | null }> {
    const last = this.runs.at(-1) ?? null;
    const lastGood = this.runs.findLast((r) => r.ok) ?? null;
    return { last, lastGood };
  }
}
