// Which provider is live, and whether it answers. The label comes from the router's own rules (keys
// set -> real providers; none -> the local provider, whose chat model is a simulation).
import { describeLive, parseRouterEnv } from "@switchyard/router";

export async function describeProvider(): Promise<{ label: string; ok: boolean; simulated: boolean }> {
  const env = parseRouterEnv();
  const label = describeLive();
  const simulated = !env.OPENROUTER_API_KEY && !env.OPENAI_API_KEY;
  if (!simulated) return { label, ok: true, simulated };
  const ok = await fetch(`${env.LOCAL_PROVIDER_URL}/health`, { signal: AbortSignal.timeout(1500) })
    .then((r) => r.ok)
    .catch(() => false);
  return { label, ok, simulated };
}
