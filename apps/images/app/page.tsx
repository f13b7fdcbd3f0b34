import { getLiveStatus } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";

export const dynamic = "force-dynamic";

export default async function Home() {
  const status = await getLiveStatus();
  return (
    <AppShell title="Images" nav={[{ href: "/", label: "Generate" }]} status={status}>
      <p className="text-slate-600 dark:text-slate-400">Your images will appear here.</p>
    </AppShell>
  );
}
