import { AIMessageChunk } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { chatChunk, chatResponse } from "@switchyard/wire";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalProvider, SIMULATION_MARKER, startLocalProvider } from "./index.ts";

const TODOS = [
  "Todos:",
  "- Buy oat milk and bread at the corner store on Friday",
  "- Call the dentist to move the cleaning appointment",
  "- Finish the quarterly tax report for the accountant",
].join("\n");

let provider: LocalProvider;
let client: OpenAI;

beforeAll(async () => {
  provider = await startLocalProvider({
    profiles: {
      models: {
        "local/sim-haiku": { kind: "chat", name: "Sim Haiku", pricing: { prompt: 0.25, completion: 1.25 } },
        "local/sim-gpt-4o": {
          kind: "chat",
          name: "Sim GPT-4o",
          style: "structured",
          pricing: { prompt: 2.5, completion: 10 },
        },
      },
      endpoints: {
        default: { provider: "Local", faults: { firstTokenMs: 5, tokensPerSecond: 5000 } },
        primary: { provider: "Local Primary", faults: { firstTokenMs: 5, tokensPerSecond: 5000 } },
      },
      scripts: [
        {
          name: "parse-duration",
          pattern: "turn '3d 4h' into seconds",
          response: "export const parse = () => 273600;",
        },
      ],
    },
  });
  client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());
beforeEach(() => provider.control.reset());

describe("chat completions through the openai SDK", () => {
  it("answers from the given context, says it is simulated, and reports usage with cost", async () => {
    const res = await client.chat.completions.create({
      model: "local/sim-haiku",
      messages: [
        { role: "system", content: TODOS },
        { role: "user", content: "When do I need to call the dentist?" },
      ],
    });
    expect(chatResponse.safeParse(res).success).toBe(true);
    expect(res.id).toMatch(/^gen-/);
    expect((res as unknown as { provider: string }).provider).toBe("Local");
    expect(res.model).toBe("local/sim-haiku");
    const text = res.choices[0]!.message.content!;
    expect(text.startsWith(SIMULATION_MARKER)).toBe(true);
    expect(text).toContain("local/sim-haiku");
    expect(text).toContain("Call the dentist to move the cleaning appointment");
    expect(text).not.toContain("tax report");
    const usage = res.usage as OpenAI.CompletionUsage & { cost: number };
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.cost).toBeCloseTo((usage.prompt_tokens * 0.25 + usage.completion_tokens * 1.25) / 1e6, 9);
  });

  it("gives the same answer to the same request, and a longer structured one from the strong model", async () => {
    const ask = (model: string) =>
      client.chat.completions.create({
        model,
        messages: [
          { role: "system", content: TODOS },
          { role: "user", content: "What must I buy at the store?" },
        ],
      });
    const [a, b, strong] = await Promise.all([
      ask("local/sim-haiku"),
      ask("local/sim-haiku"),
      ask("local/sim-gpt-4o"),
    ]);
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
    const strongText = strong.choices[0]!.message.content!;
    expect(strongText).toContain("## Answer");
    expect(strongText).toContain("Buy oat milk and bread");
    expect(strong.usage!.completion_tokens).toBeGreaterThan(a.usage!.completion_tokens);
  });

  it("stops at max_tokens with finish_reason length", async () => {
    const res = await client.chat.completions.create({
      model: "local/sim-haiku",
      max_tokens: 5,
      messages: [{ role: "user", content: "Tell me everything." }],
    });
    expect(res.choices[0]!.finish_reason).toBe("length");
    expect(res.usage!.completion_tokens).toBe(5);
  });

  it("streams chunks, then the finish chunk, then a usage chunk with no choices", async () => {
    const stream = await client.chat.completions.create({
      model: "local/sim-haiku",
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: "system", content: TODOS },
        { role: "user", content: "tax report?" },
      ],
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    for (const c of chunks) expect(chatChunk.safeParse(c).success).toBe(true);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toContain("Finish the quarterly tax report");
    const finishIndex = chunks.findIndex((c) => c.choices[0]?.finish_reason === "stop");
    const last = chunks.at(-1)!;
    expect(finishIndex).toBe(chunks.length - 2);
    expect(last.choices).toEqual([]);
    expect(last.usage!.completion_tokens).toBeGreaterThan(3);
    expect((last.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
  });

  it("serves the named endpoint from its path prefix, with its provider label", async () => {
    const primary = new OpenAI({ baseURL: `${provider.url}/primary/v1`, apiKey: "local", maxRetries: 0 });
    const res = await primary.chat.completions.create({
      model: "local/sim-haiku",
      messages: [{ role: "user", content: "hello" }],
    });
    expect((res as unknown as { provider: string }).provider).toBe("Local Primary");
    expect(provider.control.log({ endpoint: "primary" })).toHaveLength(1);
  });

  it("answers a scripted request verbatim and labels it scripted", async () => {
    const res = await client.chat.completions.create({
      model: "local/sim-gpt-4o",
      messages: [{ role: "user", content: "Write a function to turn '3d 4h' into seconds" }],
    });
    expect(res.choices[0]!.message.content).toBe("export const parse = () => 273600;");
    expect((res as unknown as { x_switchyard: unknown }).x_switchyard).toMatchObject({
      scripted: true,
      script: "parse-duration",
    });
  });

  it("sends SSE comment lines before the first chunk, as OpenRouter does", async () => {
    const res = await fetch(`${provider.url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({
        model: "local/sim-haiku",
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      }),
    });
    const body = await res.text();
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(body.startsWith(": OPENROUTER PROCESSING\n\n")).toBe(true);
    expect(body.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });
});

describe("chat through LangChain's ChatOpenAI", () => {
  const model = () =>
    new ChatOpenAI({
      model: "local/sim-haiku",
      apiKey: "local",
      maxRetries: 0,
      configuration: { baseURL: `${provider.url}/v1` },
    });

  it("invokes and gets the simulated answer with token usage", async () => {
    const reply = await model().invoke([
      ["system", TODOS],
      ["human", "Which appointment should I move?"],
    ]);
    expect(String(reply.content)).toContain("dentist");
    expect(reply.usage_metadata?.total_tokens).toBeGreaterThan(0);
  });

  it("streams and aggregates usage from the trailing usage chunk", async () => {
    let full: AIMessageChunk | undefined;
    for await (const chunk of await model().stream([
      ["system", TODOS],
      ["human", "bread?"],
    ])) {
      full = full ? full.concat(chunk) : chunk;
    }
    expect(String(full!.content)).toContain("Buy oat milk and bread");
    expect(full!.usage_metadata?.output_tokens).toBeGreaterThan(3);
    expect(full).toBeInstanceOf(AIMessageChunk);
  });
});
