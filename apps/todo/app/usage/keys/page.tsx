// The gateway's virtual keys (apps/gateway), admins only: list, create (the secret shown once), revoke.
import { getLiveStatus, loadGatewayKeys, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { GatewayKeysPage } from "@switchyard/ui/usage";
import { NAV } from "@/components/nav.ts";

export const dynamic = "force-dynamic";

export default async function UsageKeysPage() {
  const user = await pageUser("/usage/keys");
  const [status, keys] = await Promise.all([getLiveStatus(), loadGatewayKeys(user)]);
  return (
    <AppShell title="Todos · Gateway keys" nav={NAV} status={status} user={user}>
      {keys ? (
        <GatewayKeysPage keys={keys} keysUrl="/usage/api/keys" />
      ) : (
        <p className="text-sm text-slate-500">Only an admin can manage the gateway's keys.</p>
      )}
    </AppShell>
  );
}
