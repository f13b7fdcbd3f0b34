// Links that change one part of the page's query and keep the rest (range, filters, grouping).
import type { UsageQueryView } from "./usageTypes.ts";

export function usageHref(basePath: string, query: UsageQueryView, changes: Partial<UsageQueryView>): string {
  const next: Partial<UsageQueryView> = { ...query, ...changes };
  // Any change but paging starts over at the first page.
  if (!("page" in changes)) next.page = 1;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "range" && value === "24h") continue;
    if (key === "groupBy" && value === "model") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
