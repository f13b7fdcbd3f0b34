import { Writable } from "node:stream";
import pino from "pino";
import { expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

const h = useHarness({ freshRouter: false });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://app.local${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

it("serves the OpenAI paths under any prefix, with routing headers", async () => {
  const router = h.newRouter();
  const models = await (await router.handler(new Request("http://app.local/api/ai/v1/models"))).json();
  expect(models.data.map((m: { id: string }) => m.id)).toContain("anthropic/claude-3-haiku");
  const res = await router.handler(
    post(
      "/api/ai/v1/chat/completions",
      { model: "strong", messages: [{ role: "user", content: "hi" }] },
      {
        "x-switchyard-feature": "ask",
      },
    ),
  );
  expect(res.status).toBe(200);
  expect(res.headers.get("x-switchyard-model")).toBe("openai/gpt-4o");
  const body = await res.json();
  expect(body.switchyard).toMatchObject({ tier: "strong", endpoint: "local:primary" });
  expect(h.ledger.entries.at(-1)).toMatchObject({ feature: "ask" });
});

it("answers typed JSON errors that tell SDKs not to retry", async () => {
  const router = h.newRouter();
  const bad = await router.handler(post("/v1/chat/completions", { model: "fast", messages: [] }));
  expect(bad.status).toBe(400);
  expect(bad.headers.get("x-should-retry")).toBe("false");
  expect((await bad.json()).error).toMatchObject({ code: "invalid_request", type: "switchyard" });
  const missing = await router.handler(post("/v1/nothing-here", {}));
  expect(missing.status).toBe(400);
});

it("never puts an API key in responses, errors or logs", async () => {
  const lines: string[] = [];
  const logger = pino(
    { level: "debug" },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const secret = "sk-or-test-very-secret";
  // An OpenRouter-kind account pointed at the local provider, so the key is really sent upstream.
  const router = h.newRouter({
    env: { OPENROUTER_API_KEY: secret },
    baseUrls: { openrouter: `${h.provider.url}/primary/api` },
    catalog: {
      models: [
        {
          id: "anthropic/claude-3-haiku",
          label: "Claude 3 Haiku (through a fake OpenRouter)",
          capabilities: ["chat"],
          contextWindow: 200_000,
          price: { inputPerMTokens: 0.25, outputPerMTokens: 1.25 },
          routes: [{ endpoint: "openrouter", account: "openrouter", upstreamModel: "local/sim-haiku" }],
        },
      ],
    },
    logger,
  });
  expect(router.describeLive()).toBe("OpenRouter");
  const ok = await router.handler(
    post("/v1/chat/completions", { model: "fast", messages: [{ role: "user", content: "hi" }] }),
  );
  expect(ok.status).toBe(200);
  h.provider.control.setFaults("primary", { down: true });
  const failed = await router.handler(
    post("/v1/chat/completions", { model: "fast", messages: [{ role: "user", content: "hi" }] }),
  );
  expect(failed.status).toBe(502);
  const texts = [
    await ok.text(),
    await failed.text(),
    JSON.stringify([...ok.headers, ...failed.headers]),
    lines.join(""),
  ];
  expect(lines.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).not.toContain(secret);
});

it("refuses a chunked body over 8 MB with 413 payload_too_large, without reading the rest", async () => {
  const router = h.newRouter();
  const chunk = new TextEncoder().encode(
    `{"model":"fast","messages":[{"role":"user","content":"${"x".repeat(65_000)}`,
  );
  let pulls = 0;
  let cancelled = false;
  // No Content-Length: the body streams in 64 KB chunks for ever, as a hostile client would send it.
  const endless = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://app.local/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: endless,
    duplex: "half",
  } as RequestInit);
  const res = await router.handler(request);
  expect(res.status).toBe(413);
  expect((await res.json()).error).toMatchObject({
    code: "payload_too_large",
    details: { limitBytes: 8 * 1024 * 1024 },
  });
  expect(pulls).toBeLessThan(8 * 16 + 8);
  expect(cancelled).toBe(true);
  expect(h.provider.control.log().length).toBe(0);
});

it("answers a key's other body with 422 idempotency_mismatch and one still running with 409 and Retry-After", async () => {
  const router = h.newRouter({ policy: { idempotency: { waitMs: 50 } } });
  h.provider.control.setFaults("primary", { firstTokenMs: 400 });
  const ask = (content: string) =>
    post(
      "/v1/chat/completions",
      { model: "fast", messages: [{ role: "user", content }] },
      { "idempotency-key": "k-http" },
    );
  const first = router.handler(ask("the first body"));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const inFlight = await router.handler(ask("the first body"));
  expect(inFlight.status).toBe(409);
  expect(inFlight.headers.get("retry-after")).toBe("1");
  expect(inFlight.headers.get("x-should-retry")).toBe("true");
  expect((await inFlight.json()).error.code).toBe("idempotency_in_flight");
  expect((await first).status).toBe(200);
  const mismatch = await router.handler(ask("another body"));
  expect(mismatch.status).toBe(422);
  expect(mismatch.headers.get("x-should-retry")).toBe("false");
  expect((await mismatch.json()).error.code).toBe("idempotency_mismatch");
  h.provider.control.reset();
});

it("ends a stream for a client that did not ask for usage (the usage-only chunk is held back)", async () => {
  const router = h.newRouter();
  const res = await router.handler(
    post("/v1/chat/completions", {
      model: "fast",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    }),
  );
  expect(res.status).toBe(200);
  // Found by handler.fuzz.test.ts: a pull that skipped the usage chunk enqueued nothing and the body hung.
  const text = await Promise.race([
    res.text(),
    new Promise<string>((_, reject) => setTimeout(() => reject(new Error("the stream never ended")), 5_000)),
  ]);
  expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  expect(text).not.toMatch(/"choices":\[\],"usage"/);
});

it("answers a model id that is no header value with a typed error, the id percent-encoded in its header", async () => {
  const router = h.newRouter();
  // Found by handler.fuzz.test.ts: the echoed id made Response throw, and the handler rejected (a 500).
  for (const model of ["modèle-𝔁", "fast\r\nx-injected: 1"]) {
    const res = await router.handler(
      post("/v1/chat/completions", { model, messages: [{ role: "user", content: "hi" }] }),
    );
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error.type).toBe("switchyard");
    expect(res.headers.get("x-switchyard-model-requested")).toBe(encodeURIComponent(model));
    expect(res.headers.get("x-injected")).toBeNull();
  }
});
