// The models page of /usage: how the catalog's last sync went, then the searchable, sortable table
// of every model the router can route to, with the ones it used highlighted.
import { CatalogSyncNotice } from "./CatalogSyncNotice.tsx";
import { ModelsTable } from "./ModelsTable.tsx";
import { UsageSection } from "./UsageSection.tsx";
import type { ModelsPageView } from "./usageTypes.ts";

export function ModelsPage({ data }: { data: ModelsPageView }) {
  const used = data.models.filter((m) => m.usedRequests > 0).length;
  return (
    <div className="flex flex-col gap-4">
      <CatalogSyncNotice sync={data.sync} />
      <UsageSection title="Models" testId="models-page">
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Prices per million tokens as the router charges them now. Highlighted: the {used} model(s){" "}
          {data.scope === "user" ? "your" : "this app's"} requests used in the last {data.usedDays} days.
          Aliases: <code>fast</code> and <code>strong</code> are the tiers, <code>auto</code> picks between
          them by the request's complexity.
        </p>
        <ModelsTable models={data.models} />
      </UsageSection>
    </div>
  );
}
