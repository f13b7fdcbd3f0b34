import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

const h = useHarness();

// The base URL is never dialled: every request goes through router.fetch.
const baseURL = "http://switchyard.invalid/v1";
const openai = () => new OpenAI({ apiKey: "not-used", baseURL, fetch: h.router.fetch, maxRetries: 0 });
const hard =
  "Which of my work tasks block the launch, and in what order should I do them? Explain the trade-offs.";

describe("openai SDK through router.fetch", () => {
  it("routes model auto and exposes routing metadata in headers", async () => {
    const { data, response } = await openai()
      .chat.completions.create({ model: "auto", messages: [{ role: "user", content: "hi" }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBeTruthy();
    expect(response.headers.get("x-switchyard-tier")).toBe("fast");
    expect(response.headers.get("x-switchyard-model")).toBe("anthropic/claude-3-haiku");
    expect(Number(response.headers.get("x-switchyard-score"))).toBeLessThan(0.5);
    expect(response.headers.get("x-switchyard-failover")).toBe("false");

    const strong = await openai()
      .chat.completions.create({ model: "auto", messages: [{ role: "user", content: hard }] })
      .withResponse();
    expect(strong.response.headers.get("x-switchyard-tier")).toBe("strong");
    expect(strong.response.headers.get("x-switchyard-model")).toBe("openai/gpt-4o");
  });

  it("streams, and the last chunk carries the routing metadata", async () => {
    h.provider.control.setFaults("primary", { errorRates: { "503": 1 } });
    const stream = await openai().chat.completions.create({
      model: "auto",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "hello" }],
    });
    let text = "";
    let meta: Record<string, unknown> | undefined;
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
      const extra = (chunk as unknown as { switchyard?: Record<string, unknown> }).switchyard;
      if (extra) meta = extra;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage).toBeTruthy();
    expect(meta).toMatchObject({ endpoint: "local:backup", failover: true, tier: "fast" });
  });

  it("surfaces a broken stream as an error, not a silent end", async () => {
    h.provider.control.setFaults("primary", { errorAfterTokens: 4 });
    const stream = await openai().chat.completions.create({
      model: "fast",
      stream: true,
      messages: [{ role: "user", content: "hello" }],
    });
    await expect(
      (async () => {
        for await (const _ of stream) {
          // drain
        }
      })(),
    ).rejects.toThrow(/broke off/);
  });

  it("returns typed errors with status codes and no retry storm", async () => {
    const err = await openai()
      .chat.completions.create({ model: "acme/unknown", messages: [{ role: "user", content: "x" }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    expect((err as { error?: { code?: string } }).error?.code).toBe("invalid_request");
  });

  it("embeds with the SDK's default base64 encoding", async () => {
    const res = await openai().embeddings.create({ model: "auto", input: ["buy milk", "groceries"] });
    expect(res.data).toHaveLength(2);
    expect(res.data[0]?.embedding).toHaveLength(512);
  });

  it("replays a repeated Idempotency-Key", async () => {
    const client = openai();
    const body = { model: "fast", messages: [{ role: "user" as const, content: "add a todo" }] };
    const headers = { "Idempotency-Key": "sdk-key-1" };
    const first = await client.chat.completions.create(body, { headers }).withResponse();
    const again = await client.chat.completions.create(body, { headers }).withResponse();
    expect(again.data.id).toBe(first.data.id);
    expect(again.response.headers.get("x-switchyard-replay")).toBe("true");
    expect(h.provider.control.log({ idempotencyKey: "sdk-key-1" })).toHaveLength(1);
  });
});

describe("LangChain through configuration.fetch", () => {
  const chat = (streaming = false) =>
    new ChatOpenAI({
      model: "auto",
      apiKey: "not-used",
      streaming,
      maxRetries: 0,
      configuration: { baseURL, fetch: h.router.fetch },
    });

  it("invokes ChatOpenAI with model auto", async () => {
    const message = await chat().invoke("what's due this week?");
    expect(typeof message.content === "string" && message.content.length > 0).toBe(true);
    expect(h.ledger.entries.at(-1)).toMatchObject({ kind: "request", modelRequested: "auto", tier: "fast" });
  });

  it("streams ChatOpenAI and reports usage", async () => {
    let text = "";
    let usage: unknown;
    for await (const chunk of await chat(true).stream(hard)) {
      text += typeof chunk.content === "string" ? chunk.content : "";
      if (chunk.usage_metadata) usage = chunk.usage_metadata;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage).toBeTruthy();
    expect(h.ledger.entries.at(-1)).toMatchObject({ kind: "request", operation: "stream", tier: "strong" });
  });

  it("embeds with OpenAIEmbeddings", async () => {
    const embeddings = new OpenAIEmbeddings({
      model: "auto",
      apiKey: "not-used",
      configuration: { baseURL, fetch: h.router.fetch },
    });
    const vector = await embeddings.embedQuery("groceries");
    expect(vector).toHaveLength(512);
  });
});
