// One HTTP layer under test, in its own process: the router's handler (in-memory stores, the benchmark
// model routed to argv[3]) served by plain node:http through a hand-written listener (nodeListener.ts),
// or by Hono on @hono/node-server, as the gateway serves it. argv[2]: "node" or "hono"; argv[4] "static": a fixed answer instead of the router,
// so only the layer's own cost is left.
import http from "node:http";
import { serve } from "@hono/node-server";
import { createRouter, fixedUpstreamCatalog } from "@switchyard/router";
import { Hono } from "hono";
import { nodeListener } from "./nodeListener.ts";

const [layer, upstreamUrl, handlerKind] = process.argv.slice(2);
if (!upstreamUrl || (layer !== "node" && layer !== "hono"))
  throw new Error("usage: node|hono <upstream url>");
const router = createRouter({
  env: {},
  policy: { credits: { refreshMs: 0 } },
  catalog: fixedUpstreamCatalog(upstreamUrl),
});
const fixed = JSON.stringify({ id: "static", object: "chat.completion", choices: [] });
const handler =
  handlerKind === "static"
    ? async (request: Request) => {
        await request.text();
        return new Response(fixed, { headers: { "content-type": "application/json" } });
      }
    : router.handler;
const ready = (port: number) => process.send?.({ type: "ready", url: `http://127.0.0.1:${port}` });

if (layer === "node") {
  const server = http.createServer(nodeListener(handler, { maxBodyBytes: 8 * 1024 * 1024 }));
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => ready((server.address() as { port: number }).port));
} else {
  const app = new Hono();
  app.all("*", (c) => handler(c.req.raw));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => ready(info.port));
  (server as http.Server).keepAliveTimeout = 60_000;
}
process.once("disconnect", () => process.exit(0));
