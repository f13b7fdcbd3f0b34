// The ways the same chat request is sent: straight to the upstream, through the router in-process,
// and through the Portkey gateway; "control" is the direct path a second time (its own agent), whose
// difference from the first is the run's noise. The HTTP clients use the same keep-alive agent
// settings as the router's own upstream client, so the only difference is what sits in between.
import http from "node:http";
import type { Router } from "@switchyard/router";

export type Mode = "direct" | "control" | "router" | "portkey";
export type Send = () => Promise<void>;

const messages = [{ role: "user" as const, content: "Say hello in one short sentence." }];

export function newAgent(): http.Agent {
  // As the router's upstream agent: Node keeps only 256 idle sockets by default, so at c=1000 the
  // direct path would reconnect most of its sockets on every block and look slower than it is.
  return new http.Agent({ keepAlive: true, scheduling: "lifo", maxFreeSockets: 2048 });
}

/** POSTs a JSON body and resolves once the whole answer is read and parsed; rejects on non-2xx. */
export function postJson(
  url: string,
  agent: http.Agent,
  headers: Record<string, string>,
  body: string,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      agent,
      headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    req.once("error", reject);
    req.once("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.once("error", reject);
      res.once("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(new Error(`HTTP ${status}: ${text.slice(0, 200)}`));
        try {
          resolve(JSON.parse(text));
        } catch (err) {
          reject(err);
        }
      });
    });
    req.end(body);
  });
}

export function directSender(upstreamUrl: string, agent: http.Agent): Send {
  const body = JSON.stringify({ model: "bench-fixed", messages, max_tokens: 16 });
  const url = `${upstreamUrl}/v1/chat/completions`;
  return async () => {
    await postJson(url, agent, { authorization: "Bearer x" }, body);
  };
}

export function routerSender(router: Router): Send {
  return async () => {
    await router.chat({ model: "bench/fixed", messages, max_tokens: 16 });
  };
}

/** Portkey's documented way to reach any OpenAI-compatible host: provider openai + custom host. */
export function portkeySender(portkeyUrl: string, upstreamUrl: string, agent: http.Agent): Send {
  const body = JSON.stringify({ model: "bench-fixed", messages, max_tokens: 16 });
  const url = `${portkeyUrl}/v1/chat/completions`;
  const headers = {
    authorization: "Bearer x",
    "x-portkey-provider": "openai",
    "x-portkey-custom-host": `${upstreamUrl}/v1`,
  };
  return async () => {
    await postJson(url, agent, headers, body);
  };
}
