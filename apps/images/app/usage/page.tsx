// The usage dashboard: a member sees their own spend and requests, an admin the whole app.
import { getLiveStatus, loadUsageDashboard, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { UsageDashboard } from "@switchyard/ui/usage";
import { NAV } from "@/components/nav.ts";

export const dynamic = "force-dynamic";

export default async function UsagePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await pageUser("/usage");
  const [status, data] = await Promise.all([
    getLiveStatus(),
    loadUsageDashboard("images", await props.searchParams, user),
  ]);
  return (
    <AppShell title="Images · Usage" nav={NAV} status={status} user={user}>
      <UsageDashboard data={data} basePath="/usage" chainUrl="/usage/api/requests" />
    </AppShell>
  );
}
