import { ChatOpenAI } from "@langchain/openai";
import { chatChunk } from "@switchyard/wire";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

const TOOLS = [
  {
    type: "function" as const,
    function: {
      name: "create_todo",
      description: "Create a new todo: remember a task or remind the user to do something",
      parameters: {
        type: "object",
        properties: {
          title: { type: "string" },
          dueDate: { type: ["string", "null"], format: "date" },
          priority: { type: "string", enum: ["low", "medium", "high"] },
          tags: { type: "array", items: { type: "string" } },
        },
        required: ["title", "dueDate", "priority", "tags"],
        additionalProperties: false,
      },
    },
  },
  {
    type: "function" as const,
    function: {
      name: "complete_todo",
      description: "Mark a todo as done when the user says they finished it",
      parameters: {
        type: "object",
        properties: { query: { type: "string", description: "words of the todo's title" } },
        required: ["query"],
      },
    },
  },
  {
    type: "function" as const,
    function: {
      name: "get_weather",
      description: "Get the current weather in a city",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
  },
];

let provider: LocalProvider;
let client: OpenAI;

beforeAll(async () => {
  provider = await startLocalProvider({
    profiles: {
      models: {
        "local/sim-gpt-4o": { kind: "chat", name: "Sim GPT-4o", style: "structured" },
        "local/no-tools": { kind: "chat", name: "No tools", supportedParameters: ["max_tokens", "stream"] },
      },
      endpoints: { default: { provider: "Local", faults: { firstTokenMs: 0, tokensPerSecond: 2000 } } },
    },
  });
  client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());

const ask = (content: string, extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}) =>
  client.chat.completions.create({
    model: "local/sim-gpt-4o",
    messages: [{ role: "user", content }],
    tools: TOOLS,
    ...extra,
  });

describe("simulated tool calling", () => {
  it("calls the tool closest to the message, in OpenAI's shape, with arguments from its words", async () => {
    const res = await ask("Remind me to renew the car insurance on 2026-12-11, high priority #admin");
    const choice = res.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toContain(
      "[simulated local model · local/sim-gpt-4o] Simulated tool call",
    );
    expect(choice.message.tool_calls).toHaveLength(1);
    const call = choice.message.tool_calls![0]!;
    expect(call).toMatchObject({ type: "function", function: { name: "create_todo" } });
    expect(call.id).toMatch(/^call_/);
    if (call.type !== "function") throw new Error("not a function call");
    expect(JSON.parse(call.function.arguments)).toEqual({
      title: "renew the car insurance",
      dueDate: "2026-12-11",
      priority: "high",
      tags: ["admin"],
    });
    expect(res.usage!.completion_tokens).toBeGreaterThan(10);
  });

  it("picks another tool for another message, and the one tool_choice names", async () => {
    const done = await ask("I've finished the dentist one, mark it done");
    expect(done.choices[0]!.message.tool_calls?.[0]).toMatchObject({ function: { name: "complete_todo" } });
    const weather = await ask("what's the weather in Paris?");
    expect(weather.choices[0]!.message.tool_calls?.[0]).toMatchObject({ function: { name: "get_weather" } });
    const named = await ask("what's the weather in Paris?", {
      tool_choice: { type: "function", function: { name: "create_todo" } },
    });
    expect(named.choices[0]!.message.tool_calls?.[0]).toMatchObject({ function: { name: "create_todo" } });
  });

  it("answers in words with tool_choice none, and from the tool's result after a tool message", async () => {
    const none = await ask("what's the weather in Paris?", { tool_choice: "none" });
    expect(none.choices[0]!.finish_reason).toBe("stop");
    expect(none.choices[0]!.message.tool_calls).toBeUndefined();
    const after = await client.chat.completions.create({
      model: "local/sim-gpt-4o",
      tools: TOOLS,
      messages: [
        { role: "user", content: "what's the weather in Paris?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "Paris: light rain, 9 °C" },
      ],
    });
    expect(after.choices[0]!.finish_reason).toBe("stop");
    expect(after.choices[0]!.message.content).toContain("Paris: light rain, 9 °C");
  });

  it("streams tool calls by index: id and name first, the arguments split over several chunks", async () => {
    const stream = await client.chat.completions.create({
      model: "local/sim-gpt-4o",
      messages: [{ role: "user", content: "Remind me to water the plants tomorrow" }],
      tools: TOOLS,
      stream: true,
    });
    const argumentChunks: string[] = [];
    let id: string | undefined;
    let name: string | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      expect(chatChunk.safeParse(chunk).success).toBe(true);
      const choice = chunk.choices[0];
      if (!choice) continue;
      for (const call of choice.delta.tool_calls ?? []) {
        expect(call.index).toBe(0);
        id ??= call.id;
        name ??= call.function?.name;
        if (call.function?.arguments) argumentChunks.push(call.function.arguments);
      }
      finish = choice.finish_reason ?? finish;
    }
    expect(id).toMatch(/^call_/);
    expect(name).toBe("create_todo");
    expect(finish).toBe("tool_calls");
    expect(argumentChunks.length).toBeGreaterThan(3);
    const args = JSON.parse(argumentChunks.join(""));
    expect(args.title).toBe("water the plants");
    expect(args.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("works with LangChain's bindTools, streaming and not", async () => {
    const model = new ChatOpenAI({
      model: "local/sim-gpt-4o",
      apiKey: "local",
      configuration: { baseURL: `${provider.url}/v1` },
      maxRetries: 0,
    }).bindTools(TOOLS);
    const message = await model.invoke("I've finished the tax report, mark it done");
    expect(message.tool_calls?.[0]).toMatchObject({
      name: "complete_todo",
      args: { query: expect.any(String) },
    });
    let streamed: Awaited<ReturnType<typeof model.invoke>> | undefined;
    for await (const chunk of await model.stream("I've finished the tax report, mark it done")) {
      streamed = streamed ? streamed.concat(chunk) : chunk;
    }
    expect(streamed?.tool_calls?.[0]).toMatchObject({
      name: "complete_todo",
      args: message.tool_calls?.[0]?.args,
    });
  });

  it("refuses tools for a model whose profile does not list them (OpenRouter's 404)", async () => {
    const err = await ask("what's the weather in Paris?", { model: "local/no-tools" }).catch((e) => e);
    expect(err.status).toBe(404);
    expect(err.error).toMatchObject({ code: "unsupported_capability", metadata: { capability: "tools" } });
  });
});
