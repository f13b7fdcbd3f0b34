// The models page: every model the router can route to, its prices, context and capabilities, which
// aliases name it and when its price was synced, with the ones this app used highlighted.
import { getLiveStatus, loadModelsPage, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { ModelsPage } from "@switchyard/ui/usage";
import { NAV } from "@/components/nav.ts";

export const dynamic = "force-dynamic";

export default async function UsageModelsPage() {
  const user = await pageUser("/usage/models");
  const [status, data] = await Promise.all([getLiveStatus(), loadModelsPage("images", user)]);
  return (
    <AppShell title="Images · Models" nav={NAV} status={status} user={user}>
      <ModelsPage data={data} />
    </AppShell>
  );
}
