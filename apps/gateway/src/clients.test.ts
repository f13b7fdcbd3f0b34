// The official openai SDK and LangChain against a running gateway process with a virtual key: chat,
// streaming with usage, tools, embeddings, images and model "auto"; each call's ledger row names the key.
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { llmCalls } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GatewayProcess,
  type GatewayWorld,
  OWNER_ID,
  startGatewayWorld,
} from "./testing/gatewayWorld.ts";

let world: GatewayWorld;
let gateway: GatewayProcess;
let key: { id: string; secret: string };
const baseURL = () => `${gateway.url}/v1`;
const openai = () => new OpenAI({ apiKey: key.secret, baseURL: baseURL(), maxRetries: 0 });
const hard =
  "Which of my work tasks block the launch, and in what order should I do them? Explain the trade-offs.";

beforeAll(async () => {
  world = await startGatewayWorld();
  gateway = await world.startGateway();
  key = await world.makeKey({ dailyUsd: 5, monthlyUsd: 50, rpm: 1000, tpm: 1_000_000 });
}, 120_000);
afterAll(async () => {
  await world?.close();
});

async function requestRows() {
  return world.db.db
    .select()
    .from(llmCalls)
    .where(and(eq(llmCalls.keyId, key.id), eq(llmCalls.kind, "request")));
}

describe("the openai SDK", () => {
  it("chats with model auto: the learned classifier scores the prompt and picks a tier", async () => {
    const { data, response } = await openai()
      .chat.completions.create({ model: "auto", messages: [{ role: "user", content: "hi" }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toContain("simulated local model");
    expect(response.headers.get("x-switchyard-tier")).toBe("fast");
    expect(response.headers.get("x-ratelimit-limit-requests")).toBe("1000");
    const harder = await openai()
      .chat.completions.create({ model: "auto", messages: [{ role: "user", content: hard }] })
      .withResponse();
    const score = (r: Response) => Number(r.headers.get("x-switchyard-score"));
    expect(score(harder.response)).toBeGreaterThan(score(response));
  });

  it("streams with usage", async () => {
    const stream = await openai().chat.completions.create({
      model: "fast",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "hello there" }],
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toContain("simulated local model");
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("calls a tool", async () => {
    const res = await openai().chat.completions.create({
      model: "openai/gpt-4o-mini",
      messages: [{ role: "user", content: "Remind me to buy milk tomorrow, high priority" }],
      tools: [
        {
          type: "function",
          function: {
            name: "create_todo",
            description: "Create a new todo: remember a task or remind the user to do something",
            parameters: {
              type: "object",
              properties: {
                title: { type: "string" },
                priority: { type: "string", enum: ["low", "medium", "high"] },
              },
              required: ["title", "priority"],
            },
          },
        },
      ],
    });
    const call = res.choices[0]?.message.tool_calls?.[0];
    expect(res.choices[0]?.finish_reason).toBe("tool_calls");
    expect(call?.type === "function" && call.function.name).toBe("create_todo");
    expect(call?.type === "function" && JSON.parse(call.function.arguments)).toMatchObject({
      priority: "high",
    });
  });

  it("embeds (the SDK's default base64) and draws an image", async () => {
    const embedded = await openai().embeddings.create({ model: "auto", input: ["buy milk", "groceries"] });
    expect(embedded.data).toHaveLength(2);
    expect(embedded.data[0]?.embedding).toHaveLength(512);
    const image = await openai().images.generate({
      model: "auto",
      prompt: "a lighthouse at dusk",
      size: "256x256",
    });
    const first = image.data?.[0];
    expect(first?.b64_json ?? first?.url).toBeTruthy();
  });

  it("lists the models and reads the key's spend at OpenRouter's /api/v1/key", async () => {
    const models = await openai().models.list();
    expect(models.data.map((m) => m.id)).toContain("openai/gpt-4o");
    const res = await fetch(`${gateway.url}/api/v1/key`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });
    const { data } = (await res.json()) as {
      data: { limit: number; usage: number; limit_remaining: number };
    };
    expect(data.limit).toBe(50);
    expect(data.usage).toBeGreaterThan(0);
    expect(data.limit_remaining).toBeCloseTo(50 - data.usage, 8);
  });
});

describe("LangChain", () => {
  const chat = (streaming = false) =>
    new ChatOpenAI({
      model: "auto",
      apiKey: key.secret,
      streaming,
      maxRetries: 0,
      configuration: { baseURL: baseURL() },
    });

  it("invokes and streams ChatOpenAI with usage", async () => {
    const message = await chat().invoke("what's due this week?");
    expect(typeof message.content === "string" && message.content.length > 0).toBe(true);
    let text = "";
    let usage: unknown;
    for await (const chunk of await chat(true).stream(hard)) {
      text += typeof chunk.content === "string" ? chunk.content : "";
      if (chunk.usage_metadata) usage = chunk.usage_metadata;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage).toBeTruthy();
  });

  it("embeds with OpenAIEmbeddings", async () => {
    const embeddings = new OpenAIEmbeddings({
      model: "auto",
      apiKey: key.secret,
      configuration: { baseURL: baseURL() },
    });
    expect(await embeddings.embedQuery("groceries")).toHaveLength(512);
  });
});

it("writes every call to the ledger under the key and its owner", async () => {
  // The gateway writes its ledger in batches a tenth of a second apart.
  let rows = await requestRows();
  for (let i = 0; i < 50 && rows.length < 9; i++) {
    await new Promise((r) => setTimeout(r, 100));
    rows = await requestRows();
  }
  expect(rows.length).toBeGreaterThanOrEqual(9);
  expect(rows.every((r) => r.userId === OWNER_ID && r.app === "gateway")).toBe(true);
  expect(new Set(rows.map((r) => r.operation))).toEqual(new Set(["chat", "stream", "embed", "image"]));
});
