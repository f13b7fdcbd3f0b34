// Which provider is live: real ones when a key is configured, else the local provider (simulated chat).
const localUrl = () => process.env.LOCAL_PROVIDER_URL || "http://127.0.0.1:4010";

export async function describeProvider(): Promise<{ label: string; ok: boolean; simulated: boolean }> {
  if (process.env.OPENROUTER_API_KEY) return { label: "OpenRouter", ok: true, simulated: false };
  const url = localUrl();
  const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1500) })
    .then((r) => r.ok)
    .catch(() => false);
  return { label: `local provider at ${url}`, ok, simulated: true };
}
