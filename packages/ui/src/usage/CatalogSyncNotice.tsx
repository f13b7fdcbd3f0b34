// One line on the catalog's freshness: the bundled prices, the last good sync, or a failed sync (the
// router then keeps the last good prices, and says so here).
import { Badge } from "./UsageSection.tsx";
import { formatTime } from "./usageFormat.ts";
import type { CatalogSyncView } from "./usageTypes.ts";

export function CatalogSyncNotice(props: {
  sync: { last: CatalogSyncView | null; lastGood: CatalogSyncView | null };
  /** Where the models page is, for a link from the dashboard. */
  modelsHref?: string;
}) {
  const { last, lastGood } = props.sync;
  const link = props.modelsHref && (
    <a href={props.modelsHref} className="underline">
      models and prices
    </a>
  );
  const kept = lastGood
    ? `the prices synced at ${formatTime(lastGood.at)} stay in use`
    : "the bundled prices stay in use";
  return (
    <p
      className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300"
      data-testid="catalog-sync"
    >
      {last === null ? (
        <span>Catalog: bundled prices (never synced).</span>
      ) : last.ok ? (
        <span>
          <Badge tone="ok">catalog synced</Badge> {formatTime(last.at)}: {last.models} models, {last.changed}{" "}
          price change(s).
        </span>
      ) : (
        <span>
          <Badge tone="bad">catalog sync failed</Badge> {formatTime(last.at)} ({last.error}); {kept}.
        </span>
      )}
      {link}
    </p>
  );
}
