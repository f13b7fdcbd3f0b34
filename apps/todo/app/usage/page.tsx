import { getLiveStatus, loadUsageDashboard } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { UsageDashboard } from "@switchyard/ui/usage";

export const dynamic = "force-dynamic";

export default async function UsagePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [status, data] = await Promise.all([
    getLiveStatus(),
    loadUsageDashboard("todo", await props.searchParams),
  ]);
  return (
    <AppShell
      title="Todos · Usage"
      nav={[
        { href: "/", label: "Todos" },
        { href: "/usage", label: "Usage" },
      ]}
      status={status}
    >
      <UsageDashboard data={data} basePath="/usage" chainUrl="/usage/api/requests" />
    </AppShell>
  );
}
