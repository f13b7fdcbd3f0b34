// The router's synced catalog in Postgres: dated price records in `model_prices` (only ever added)
// and each sync's run in `catalog_syncs`, so every app process reads the same prices.
import type { CatalogPriceStore, CatalogSyncRun, PriceRecord } from "@switchyard/router";
import { asc, desc, eq, sql } from "drizzle-orm";
import { type Database, resultRows } from "../database.ts";
import { type CatalogSyncRow, catalogSyncs, type ModelPriceRow, modelPrices } from "../schema/index.ts";

const toRecord = (r: ModelPriceRow): PriceRecord => ({
  id: r.modelId,
  price: r.price,
  contextWindow: r.contextWindow,
  supports: r.supports,
  effectiveFrom: r.effectiveFrom,
  source: r.source,
});

const toRun = (r: CatalogSyncRow): CatalogSyncRun => ({
  at: r.at,
  source: r.source,
  ok: r.ok,
  models: r.models,
  changed: r.changed,
  error: r.error,
});

/** Rows per INSERT: a first sync adds hundreds of models. */
const BATCH = 200;

export class PgCatalogPriceStore implements CatalogPriceStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async current(now = new Date()): Promise<PriceRecord[]> {
    // Each model's newest record already in effect (DISTINCT ON walks the unique index's order).
    const rows = resultRows<Record<string, unknown>>(
      await this.#db.execute(sql`
        select distinct on (model_id) model_id, effective_from, price, context_window, supports, source
        from model_prices where effective_from <= ${now.toISOString()}
        order by model_id, effective_from desc`),
    );
    return rows.map((r) => ({
      id: String(r.model_id),
      price: (typeof r.price === "string" ? JSON.parse(r.price) : r.price) as PriceRecord["price"],
      contextWindow: r.context_window === null ? null : Number(r.context_window),
      supports: (typeof r.supports === "string"
        ? JSON.parse(r.supports)
        : r.supports) as PriceRecord["supports"],
      effectiveFrom: new Date(r.effective_from as string | Date),
      source: String(r.source),
    }));
  }

  async history(modelId: string): Promise<PriceRecord[]> {
    const rows = await this.#db
      .select()
      .from(modelPrices)
      .where(eq(modelPrices.modelId, modelId))
      .orderBy(asc(modelPrices.effectiveFrom));
    return rows.map(toRecord);
  }

  async record(records: PriceRecord[], run: CatalogSyncRun): Promise<void> {
    await this.#db.transaction(async (tx) => {
      for (let i = 0; i < records.length; i += BATCH) {
        await tx
          .insert(modelPrices)
          .values(
            records.slice(i, i + BATCH).map((r) => ({
              modelId: r.id,
              effectiveFrom: r.effectiveFrom,
              price: r.price,
              contextWindow: r.contextWindow,
              supports: r.supports,
              source: r.source,
            })),
          )
          // Two processes syncing at the same instant: the first one's record stands.
          .onConflictDoNothing();
      }
      await tx.insert(catalogSyncs).values(run);
    });
  }

  async lastRuns(): Promise<{ last: CatalogSyncRun | null; lastGood: CatalogSyncRun | null }> {
    const [last] = await this.#db.select().from(catalogSyncs).orderBy(desc(catalogSyncs.at)).limit(1);
    const [lastGood] = await this.#db
      .select()
      .from(catalogSyncs)
      .where(eq(catalogSyncs.ok, true))
      .orderBy(desc(catalogSyncs.at))
      .limit(1);
    return { last: last ? toRun(last) : null, lastGood: lastGood ? toRun(lastGood) : null };
  }
}
