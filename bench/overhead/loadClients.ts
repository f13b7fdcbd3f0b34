// The ways the same chat request is sent: straight to the upstream, through the router in-process,
// and through the Portkey gateway; "control" is the direct path a second time (its own client), whose
// difference from the first is the run's noise. The HTTP clients are undici dispatchers with the same
// settings as the router's own upstream client, so the only difference is what sits in between.
import type { Router } from "@switchyard/router";
import type { Dispatcher } from "undici";

export type Mode = "direct" | "control" | "router" | "portkey";
export type Send = () => Promise<void>;

const messages = [{ role: "user" as const, content: "Say hello in one short sentence." }];

/** POSTs a JSON body (headers include its content type) and resolves once the whole answer is read and parsed; rejects on non-2xx. */
export async function postJson(
  url: URL,
  agent: Dispatcher,
  headers: Record<string, string>,
  body: string,
): Promise<unknown> {
  const res = await agent.request({
    origin: url.origin,
    path: url.pathname,
    method: "POST",
    headers,
    body,
  });
  const text = await res.body.text();
  if (res.statusCode < 200 || res.statusCode >= 300)
    throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

export function directSender(upstreamUrl: string, agent: Dispatcher): Send {
  const body = JSON.stringify({ model: "bench-fixed", messages, max_tokens: 16 });
  const url = new URL(`${upstreamUrl}/v1/chat/completions`);
  const headers = { authorization: "Bearer x", "content-type": "application/json" };
  return async () => {
    await postJson(url, agent, headers, body);
  };
}

export function routerSender(router: Router): Send {
  return async () => {
    await router.chat({ model: "bench/fixed", messages, max_tokens: 16 });
  };
}

/** Portkey's documented way to reach any OpenAI-compatible host: provider openai + custom host. */
export function portkeySender(portkeyUrl: string, upstreamUrl: string, agent: Dispatcher): Send {
  const body = JSON.stringify({ model: "bench-fixed", messages, max_tokens: 16 });
  const url = new URL(`${portkeyUrl}/v1/chat/completions`);
  const headers = {
    authorization: "Bearer x",
    "content-type": "application/json",
    "x-portkey-provider": "openai",
    "x-portkey-custom-host": `${upstreamUrl}/v1`,
  };
  return async () => {
    await postJson(url, agent, headers, body);
  };
}
