// The generate page, for a signed-in user (else a redirect to /sign-in?next=/).
import { getLiveStatus, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { GenerateForm } from "@/components/GenerateForm.tsx";
import { NAV } from "@/components/nav.ts";
import { SimulationNote } from "@/components/SimulationNote.tsx";
import { imageModelOptions } from "@/lib/generation/imageModels.ts";
import { ASPECTS, SIZES, STYLES } from "@/lib/generation/imageOptions.ts";

export const dynamic = "force-dynamic";

const choices = (table: Record<string, { label: string }>) =>
  Object.entries(table).map(([id, v]) => ({ id, label: v.label }));

export default async function Home() {
  const user = await pageUser("/");
  const status = await getLiveStatus();
  return (
    <AppShell title="Images" nav={NAV} status={status} user={user}>
      <div className="flex flex-col gap-4">
        <SimulationNote simulated={status.provider.simulated} />
        <GenerateForm
          models={imageModelOptions()}
          aspects={choices(ASPECTS)}
          sizes={choices(SIZES)}
          styles={choices(STYLES)}
        />
      </div>
    </AppShell>
  );
}
