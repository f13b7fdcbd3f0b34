// The local provider's control API, for faults and for counting upstream calls by idempotency key.
import type { APIRequestContext } from "@playwright/test";

const providerUrl = () => {
  const url = process.env.E2E_PROVIDER_URL;
  if (!url) throw new Error("E2E_PROVIDER_URL is not set (the Playwright config sets it)");
  return url;
};

export async function setFaults(
  request: APIRequestContext,
  endpoint: string,
  faults: Record<string, unknown>,
) {
  const res = await request.post(`${providerUrl()}/control/faults`, { data: { endpoint, ...faults } });
  if (!res.ok()) throw new Error(`setting faults failed: ${res.status()} ${await res.text()}`);
}

export async function resetProvider(request: APIRequestContext) {
  await request.post(`${providerUrl()}/control/reset`);
}

/** Image generation calls the provider received with this idempotency key. */
export async function imageCalls(request: APIRequestContext, idempotencyKey: string): Promise<number> {
  const res = await request.get(`${providerUrl()}/control/log`, { params: { idempotencyKey } });
  const entries = (await res.json()) as { path: string }[];
  return entries.filter((e) => e.path.includes("/images/generations")).length;
}
