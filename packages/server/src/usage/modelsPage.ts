// The models page of /usage: the catalog as this app's router routes it now (prices, context,
// capabilities, aliases, when each price was synced), how the last catalog sync went, and which
// models the router actually used. The catalog is not secret, so members see it too; "used" counts
// a member's own requests and an admin's whole app.
import { type Database, llmCalls, PgCatalogPriceStore } from "@switchyard/db";
import type { CatalogModelView, CatalogSyncRun, Router } from "@switchyard/router";
import { and, count, eq, gte, isNotNull } from "drizzle-orm";

/** How far back "used" looks. */
export const MODELS_USED_DAYS = 30;

export interface CatalogSyncView {
  at: string;
  source: string;
  ok: boolean;
  models: number;
  changed: number;
  error: string | null;
}

export interface ModelsPageData {
  app: string;
  scope: "user" | "app";
  models: (CatalogModelView & { usedRequests: number })[];
  /** The newest sync and the newest good one; both null when the catalog was never synced (bundled prices). */
  sync: { last: CatalogSyncView | null; lastGood: CatalogSyncView | null };
  usedDays: number;
}

export const catalogSyncView = (run: CatalogSyncRun | null): CatalogSyncView | null =>
  run && { ...run, at: run.at.toISOString() };

export async function modelsPage(deps: {
  db: Database;
  router: Pick<Router, "catalogModels">;
  app: string;
  /** Only this user's requests count as used (a member's view). */
  userId?: string;
  now?: Date;
}): Promise<ModelsPageData> {
  const now = deps.now ?? new Date();
  const since = new Date(now.getTime() - MODELS_USED_DAYS * 86_400_000);
  const rows = await deps.db
    .select({ model: llmCalls.modelUsed, requests: count() })
    .from(llmCalls)
    .where(
      and(
        eq(llmCalls.kind, "request"),
        eq(llmCalls.app, deps.app),
        isNotNull(llmCalls.modelUsed),
        gte(llmCalls.createdAt, since),
        deps.userId === undefined ? undefined : eq(llmCalls.userId, deps.userId),
      ),
    )
    .groupBy(llmCalls.modelUsed);
  const used = new Map(rows.map((r) => [r.model, Number(r.requests)]));
  const runs = await new PgCatalogPriceStore(deps.db).lastRuns();
  return {
    app: deps.app,
    scope: deps.userId === undefined ? "app" : "user",
    models: deps.router.catalogModels().map((m) => ({ ...m, usedRequests: used.get(m.id) ?? 0 })),
    sync: { last: catalogSyncView(runs.last), lastGood: catalogSyncView(runs.lastGood) },
    usedDays: MODELS_USED_DAYS,
  };
}
