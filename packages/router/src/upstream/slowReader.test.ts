// A caller that reads a long stream slowly: the upstream call queues what it cannot hand over yet,
// pauses the socket while the queue is long and resumes it when drained. Nothing may be lost,
// reordered or stuck. The upstream is a tiny SSE server that writes every event on its own.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRouter, type Router } from "../router.ts";

const events = 400;
let server: http.Server;
let router: Router;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/event-stream" });
    let i = 0;
    const next = () => {
      if (i < events) {
        const chunk = {
          id: "s",
          model: "m",
          choices: [{ index: 0, delta: { content: `${i} ` }, finish_reason: null }],
        };
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        i++;
        setImmediate(next);
      } else {
        const last = { id: "s", model: "m", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] };
        res.end(`data: ${JSON.stringify(last)}\n\ndata: [DONE]\n\n`);
      }
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  router = createRouter({
    env: {},
    accounts: ["sse"],
    policy: { credits: { refreshMs: 0 } },
    catalog: {
      accounts: [
        {
          id: "sse",
          label: "SSE",
          kind: "openai-compatible",
          baseUrl: url,
          apiKeyEnv: null,
          creditsPath: null,
        },
      ],
      models: [
        {
          id: "test/sse",
          label: "SSE",
          capabilities: ["chat"],
          contextWindow: 8_000,
          price: { inputPerMTokens: 1, outputPerMTokens: 1 },
          routes: [{ endpoint: "sse", account: "sse", path: "/v1", upstreamModel: "m" }],
        },
      ],
    },
  });
});

afterAll(async () => {
  await router.close();
  await new Promise((resolve) => server.close(resolve));
});

it("a slow reader of a long stream gets every event, in order", async () => {
  const stream = router.stream({ model: "test/sse", messages: [{ role: "user", content: "count" }] });
  let text = "";
  let read = 0;
  for await (const d of stream) {
    text += d.text;
    // Read slower than the server writes, so the call falls behind and must pause the socket.
    if (++read % 10 === 0) await new Promise((r) => setTimeout(r, 5));
  }
  const expected = Array.from({ length: events }, (_, i) => `${i} `).join("");
  expect(text).toBe(expected);
  expect((await stream.result).finishReason).toBe("stop");
});
