// Calls through an HTTP(S)_PROXY. The local provider listens on 127.0.0.1 only, so a router pointed
// at 127.0.0.2 is refused unless it goes through the local CONNECT proxy, which forwards 127.0.0.2
// to 127.0.0.1: an answer proves the call and the balance read took the proxy (no DNS, no network).
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.ts";

let h: Harness;
let proxy: http.Server;
let proxyUrl: string;
const tunnels: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  const providerPort = new URL(h.provider.url).port;
  proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    if (host !== "127.0.0.2" || port !== providerPort) {
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      return;
    }
    const upstream = net.connect(Number(port), "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await h.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

const elsewhere = () => h.provider.url.replace("127.0.0.1", "127.0.0.2");
const hello = { model: "fast", messages: [{ role: "user" as const, content: "Say hello." }] };

it("sends upstream calls and credit reads through HTTPS_PROXY / HTTP_PROXY from the router's env", async () => {
  const router = h.newRouter({ env: { HTTP_PROXY: proxyUrl }, localProviderUrl: elsewhere() });
  const result = await router.chat(hello);
  expect(result.text.length).toBeGreaterThan(0);
  await router.refreshCredits();
  expect(router.credits().map((c) => c.account)).toContain("local:primary");
  expect(tunnels.length).toBeGreaterThan(0);
  expect(new Set(tunnels)).toEqual(new Set([`127.0.0.2:${new URL(h.provider.url).port}`]));
});

it("does not proxy hosts in NO_PROXY, nor loopback", async () => {
  const before = tunnels.length;
  const deadProxy = "http://127.0.0.1:9"; // nothing listens: a proxied call would fail
  const loopback = h.newRouter({ env: { HTTPS_PROXY: deadProxy, HTTP_PROXY: deadProxy } });
  expect((await loopback.chat(hello)).text.length).toBeGreaterThan(0);

  const listed = h.newRouter({
    env: { HTTP_PROXY: proxyUrl, NO_PROXY: "127.0.0.2" },
    localProviderUrl: elsewhere(),
  });
  // Not proxied, so the call goes straight to 127.0.0.2 and is refused.
  await expect(listed.chat(hello)).rejects.toMatchObject({ code: "upstream_error" });
  expect(tunnels.length).toBe(before);
});
