// The ways the same chat request is sent. direct: straight to the upstream; control: direct again, its
// difference from direct the run's noise (A/A); router: router.chat() in-process; portkey: through the
// Portkey gateway; gateway: through the Switchyard gateway (apps/gateway) with a virtual key. The HTTP
// clients are undici dispatchers built as the router builds its own upstream client, so only what sits
// in between differs.
import {
  createDispatcher,
  createRouter,
  FIXED_UPSTREAM_MODEL,
  fixedUpstreamCatalog,
} from "@switchyard/router";

export type Mode = "direct" | "control" | "router" | "portkey" | "gateway";
export type Send = () => Promise<void>;

/** The Switchyard gateway in a process of its own: where, its pid (for its CPU), a key and its model. */
export interface GatewayPeer {
  url: string;
  pid: number;
  /** Processes whose CPU is the gateway's too (its database). */
  alsoPids?: number[];
  apiKey: string;
  model: string;
}

/** full: the hand-configured models plus the ~700 bundled ones, as the apps load them; seven: the hand ones. */
export type CatalogSize = "full" | "seven";

const messages = [{ role: "user" as const, content: "Say hello in one short sentence." }];
const bodyFor = (model: string) => JSON.stringify({ model, messages, max_tokens: 16 });
const body = bodyFor("bench-fixed");

/**
 * The router with the full catalog (or only the seven hand-configured models) plus one model whose
 * route is the upstream; no extra ledger sink, no idempotency key, no
 * budgets, no credit polling: what it adds is validation, planning, the attempt loop with its timers
 * and the ledger rows.
 */
function benchRouter(upstreamUrl: string, catalogSize: CatalogSize) {
  const fixed = fixedUpstreamCatalog(upstreamUrl);
  return createRouter({
    env: {},
    accounts: fixed.accounts.map((a) => a.id),
    policy: { credits: { refreshMs: 0 } },
    catalog: { bundled: catalogSize === "full", ...fixed },
  });
}

/**
 * One path's sender, and what closes it. Portkey reaches the upstream as provider openai + custom host;
 * the gateway path sends the gateway's key and the model it routes to the upstream.
 */
export function senderFor(
  mode: Mode,
  upstreamUrl: string,
  portkeyUrl: string | null,
  catalogSize: CatalogSize = "full",
  gateway: GatewayPeer | null = null,
) {
  if (mode === "router") {
    const router = benchRouter(upstreamUrl, catalogSize);
    const send: Send = async () =>
      void (await router.chat({ model: FIXED_UPSTREAM_MODEL, messages, max_tokens: 16 }));
    return { send, close: () => router.close() };
  }
  const agent = createDispatcher();
  const via = mode === "gateway" ? gateway : null;
  if (mode === "gateway" && !via) throw new Error("the gateway path needs a running gateway");
  const url = new URL(`${via?.url ?? (mode === "portkey" ? portkeyUrl : upstreamUrl)}/v1/chat/completions`);
  const headers: Record<string, string> = { authorization: "Bearer x", "content-type": "application/json" };
  if (mode === "portkey") {
    headers["x-portkey-provider"] = "openai";
    headers["x-portkey-custom-host"] = `${upstreamUrl}/v1`;
  }
  if (via) headers.authorization = `Bearer ${via.apiKey}`;
  const request = {
    ...{ origin: url.origin, path: url.pathname, method: "POST" as const, headers },
    body: via ? bodyFor(via.model) : body,
  };
  const send: Send = async () => {
    const res = await agent.request(request);
    const text = await res.body.text();
    if (res.statusCode < 200 || res.statusCode >= 300)
      throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
    JSON.parse(text);
  };
  return { send, close: () => agent.destroy() };
}
