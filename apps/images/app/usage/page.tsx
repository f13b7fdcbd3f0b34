import { getLiveStatus, loadUsageDashboard } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { UsageDashboard } from "@switchyard/ui/usage";
import { NAV } from "@/components/nav.ts";

export const dynamic = "force-dynamic";

export default async function UsagePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [status, data] = await Promise.all([
    getLiveStatus(),
    loadUsageDashboard("images", await props.searchParams),
  ]);
  return (
    <AppShell title="Images · Usage" nav={NAV} status={status}>
      <UsageDashboard data={data} basePath="/usage" chainUrl="/usage/api/requests" />
    </AppShell>
  );
}
