// Every way the gateway says no, each with its status and stable code: key failures (missing, wrong,
// expired, revoked, model not allowed, budget, rate) and bad input (malformed JSON, wrong types, an
// oversize body, unknown routes and methods), never a stack trace; and a client that leaves mid-stream
// stops the upstream call, its ledger row saying client_closed.
import { llmCalls, revokeGatewayKey } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayProcess, type GatewayWorld, startGatewayWorld } from "./testing/gatewayWorld.ts";

let world: GatewayWorld;
let gateway: GatewayProcess;
let key: { id: string; secret: string };

beforeAll(async () => {
  world = await startGatewayWorld();
  gateway = await world.startGateway();
  key = await world.makeKey();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const chatBody = (model = "fast", content = "hi") =>
  JSON.stringify({ model, messages: [{ role: "user", content }] });

async function send(path: string, init: RequestInit & { secret?: string | null } = {}) {
  const { secret = key.secret, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (secret) headers.set("authorization", `Bearer ${secret}`);
  if (rest.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(`${gateway.url}${path}`, { method: "POST", ...rest, headers });
  const text = await res.text();
  // Never an internal detail: no stack frames, no file paths.
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules/);
  const { error } = JSON.parse(text) as { error?: { code?: string; message?: string } };
  return { status: res.status, headers: res.headers, code: error?.code, message: error?.message };
}

describe("key failures", () => {
  it("401 for a missing, wrong, expired or revoked key", async () => {
    expect(await send("/v1/chat/completions", { body: chatBody(), secret: null })).toMatchObject({
      status: 401,
      code: "missing_api_key",
    });
    expect(await send("/v1/chat/completions", { body: chatBody(), secret: "sk-sy-not-a-key" })).toMatchObject(
      {
        status: 401,
        code: "invalid_api_key",
      },
    );
    const expired = await world.makeKey({ expiresAt: new Date(Date.now() - 1000) });
    expect(await send("/v1/chat/completions", { body: chatBody(), secret: expired.secret })).toMatchObject({
      status: 401,
      code: "key_expired",
    });
    const revoked = await world.makeKey();
    await revokeGatewayKey(world.db.db, revoked.id);
    expect(await send("/v1/models", { method: "GET", secret: revoked.secret })).toMatchObject({
      status: 401,
      code: "key_revoked",
    });
  });

  it("the openai SDK raises its AuthenticationError for a wrong key", async () => {
    const client = new OpenAI({ apiKey: "sk-sy-wrong", baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const err = await client.models.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("403 model_not_allowed for a model, or one of OpenRouter's models, not on the key's list", async () => {
    const narrow = await world.makeKey({ allowedModels: ["fast", "anthropic/claude-3-haiku"] });
    expect(
      (await send("/v1/chat/completions", { body: chatBody("fast"), secret: narrow.secret })).status,
    ).toBe(200);
    expect(
      await send("/v1/chat/completions", { body: chatBody("strong"), secret: narrow.secret }),
    ).toMatchObject({
      status: 403,
      code: "model_not_allowed",
    });
    const withFallbacks = JSON.stringify({
      model: "fast",
      models: ["fast", "openai/gpt-4o"],
      messages: [{ role: "user", content: "hi" }],
    });
    expect((await send("/v1/chat/completions", { body: withFallbacks, secret: narrow.secret })).status).toBe(
      403,
    );
  });

  it("402 budget_exceeded over the daily cap and over the monthly cap", async () => {
    const caps = [
      { cap: { dailyUsd: 0.000001 }, says: /^This key's daily budget .* resets at \d{4}-\d\d-\d\dT00:00/ },
      { cap: { monthlyUsd: 0.000001 }, says: /^This key's monthly budget .* resets at \d{4}-\d\d-01T00:00/ },
    ];
    for (const { cap, says } of caps) {
      const poor = await world.makeKey(cap);
      const refused = await send("/v1/chat/completions", { body: chatBody(), secret: poor.secret });
      expect(refused).toMatchObject({ status: 402, code: "budget_exceeded" });
      expect(refused.message).toMatch(says);
    }
  });

  it("429 rate_limited with Retry-After and x-ratelimit-* over requests or tokens per minute", async () => {
    const slow = await world.makeKey({ rpm: 2 });
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(
        await send("/v1/embeddings", {
          body: JSON.stringify({ model: "auto", input: "a" }),
          secret: slow.secret,
        }),
      );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[2]?.code).toBe("rate_limited");
    expect(Number(answers[2]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(answers[2]?.headers.get("x-ratelimit-limit-requests")).toBe("2");
    expect(answers[2]?.headers.get("x-ratelimit-remaining-requests")).toBe("0");

    const few = await world.makeKey({ tpm: 100 });
    const long = await send("/v1/chat/completions", {
      body: chatBody("fast", "word ".repeat(200)),
      secret: few.secret,
    });
    expect(long).toMatchObject({ status: 429, code: "rate_limited" });
    expect(long.headers.get("x-ratelimit-limit-tokens")).toBe("100");
    // Past the limiter's 60 million a minute, counted in units: allowed, not a failure.
    const plenty = await world.makeKey({ rpm: 100_000_000, tpm: 100_000_000 });
    expect(
      (
        await send("/v1/embeddings", {
          body: JSON.stringify({ model: "auto", input: "a" }),
          secret: plenty.secret,
        })
      ).status,
    ).toBe(200);
  });
});

describe("bad input", () => {
  it("malformed JSON, a body that is not an object, wrong types: 400 with a stable code", async () => {
    expect(await send("/v1/chat/completions", { body: "{not json" })).toMatchObject({
      status: 400,
      code: "invalid_json",
    });
    expect(await send("/v1/chat/completions", { body: "[1,2]" })).toMatchObject({
      status: 400,
      code: "invalid_request",
    });
    expect(
      await send("/v1/chat/completions", { body: JSON.stringify({ model: 7, messages: "hi" }) }),
    ).toMatchObject({
      status: 400,
      code: "invalid_request",
    });
    expect(
      await send("/v1/embeddings", { body: JSON.stringify({ model: "auto", input: { a: 1 } }) }),
    ).toMatchObject({
      status: 400,
      code: "invalid_request",
    });
  });

  it("an oversize body: 413 payload_too_large", async () => {
    const huge = JSON.stringify({
      model: "fast",
      messages: [{ role: "user", content: "x".repeat(9 * 1024 * 1024) }],
    });
    expect(await send("/v1/chat/completions", { body: huge })).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
  });

  it("a chunked body that never says its length is cut at the cap: 413 too", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const init = { body, duplex: "half" } as RequestInit;
    expect(await send("/v1/chat/completions", init)).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
  });

  it("unknown routes 404 not_found, wrong methods 405 method_not_allowed with Allow", async () => {
    expect(await send("/v1/completions", { body: chatBody() })).toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect(await send("/admin", { method: "GET" })).toMatchObject({ status: 404, code: "not_found" });
    const wrong = await send("/v1/chat/completions", { method: "GET" });
    expect(wrong).toMatchObject({ status: 405, code: "method_not_allowed" });
    expect(wrong.headers.get("allow")).toBe("POST");
    expect(await send("/v1/models", { method: "DELETE" })).toMatchObject({
      status: 405,
      code: "method_not_allowed",
    });
  });
});

it("a client that disconnects mid-stream aborts the upstream call; the ledger row says client_closed", async () => {
  // Slow tokens, so the stream is still running when the client goes.
  world.provider.control.setFaults("primary", { tokensPerSecond: 4 });
  try {
    const client = new AbortController();
    const res = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "fast",
        stream: true,
        messages: [{ role: "user", content: "tell me a long story" }],
      }),
      signal: client.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    client.abort();
    const requestId = res.headers.get("x-switchyard-request-id")!;
    let outcome: string | undefined;
    for (let i = 0; i < 50 && outcome === undefined; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const [row] = await world.db.db
        .select({ outcome: llmCalls.outcome })
        .from(llmCalls)
        .where(and(eq(llmCalls.requestId, requestId), eq(llmCalls.kind, "request")));
      outcome = row?.outcome;
    }
    expect(outcome).toBe("client_closed");
  } finally {
    world.provider.control.reset();
  }
});
