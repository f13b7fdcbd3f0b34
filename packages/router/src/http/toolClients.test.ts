// The official openai SDK and LangChain (bindTools, withStructuredOutput) through router.fetch, with
// tools and json_schema, streaming and not. A scripted upstream answers with tool calls (split across
// chunks when streaming) or with JSON, as the request asks.
import { ChatOpenAI } from "@langchain/openai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createRouter, type Router } from "../router.ts";
import { fastPolicy } from "../testing/harness.ts";
import {
  answer,
  chunk,
  type ScriptedRequest,
  type ScriptedUpstream,
  startScriptedUpstream,
  usageChunk,
} from "../testing/scriptedUpstream.ts";

const args = '{"title":"renew the car insurance","priority":"high"}';
const call = { id: "call_1", type: "function" as const, function: { name: "add_todo", arguments: args } };
const todo = z.object({ title: z.string(), priority: z.enum(["low", "high"]) });
const addTodo = {
  type: "function" as const,
  function: {
    name: "add_todo",
    description: "Add a todo",
    parameters: { type: "object", properties: { title: { type: "string" }, priority: { type: "string" } } },
  },
};

/** Tool calls when tools are offered, else the JSON; as a stream of small pieces when asked. */
function reply(req: ScriptedRequest) {
  const tools = Array.isArray(req.body.tools) && req.body.tools.length > 0;
  const toolName: string = req.body.tools?.[0]?.function?.name ?? "add_todo";
  const toolCall = { ...call, function: { name: toolName, arguments: args } };
  if (!req.body.stream) return tools ? answer(null, [toolCall]) : answer(args);
  const pieces = args.match(/.{1,5}/g)!;
  const chunks = tools
    ? [
        chunk({
          role: "assistant",
          tool_calls: [
            { index: 0, id: call.id, type: "function", function: { name: toolName, arguments: "" } },
          ],
        }),
        ...pieces.map((p) => chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] })),
        chunk({}, "tool_calls"),
      ]
    : [...pieces.map((p) => chunk({ content: p })), chunk({}, "stop")];
  return { chunks: [...chunks, usageChunk] };
}

let upstream: ScriptedUpstream;
let router: Router;
const baseURL = "http://switchyard.invalid/v1";

beforeAll(async () => {
  upstream = await startScriptedUpstream(reply);
  router = createRouter({ env: {}, localProviderUrl: upstream.url, policy: fastPolicy });
});
afterAll(async () => {
  await router.close();
  await upstream.close();
});

describe("openai SDK through router.fetch", () => {
  const openai = () => new OpenAI({ apiKey: "not-used", baseURL, fetch: router.fetch, maxRetries: 0 });
  const messages = [{ role: "user" as const, content: "remind me to renew the car insurance" }];

  it("gets tool calls, and the tools reach the upstream", async () => {
    const res = await openai().chat.completions.create({ model: "strong", messages, tools: [addTodo] });
    expect(res.choices[0]?.message.tool_calls).toEqual([call]);
    expect(upstream.requests.at(-1)?.body.tools).toEqual([addTodo]);
  });

  it("streams tool calls that the SDK's own stream helper reassembles", async () => {
    const stream = openai().chat.completions.stream({ model: "strong", messages, tools: [addTodo] });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: "call_1",
      function: { arguments: args },
    });
  });

  it("sends json_schema and parses the answer, streaming and not", async () => {
    const response_format = {
      type: "json_schema" as const,
      json_schema: { name: "todo", schema: z.toJSONSchema(todo) as Record<string, unknown> },
    };
    const res = await openai().chat.completions.create({ model: "strong", messages, response_format });
    expect(todo.parse(JSON.parse(res.choices[0]?.message.content ?? ""))).toEqual(JSON.parse(args));
    expect(upstream.requests.at(-1)?.body.response_format).toEqual(response_format);
    const stream = await openai().chat.completions.create({
      model: "strong",
      messages,
      response_format,
      stream: true,
    });
    let text = "";
    for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
    expect(JSON.parse(text)).toEqual(JSON.parse(args));
  });
});

describe("LangChain through configuration.fetch", () => {
  const chat = (streaming = false) =>
    new ChatOpenAI({
      model: "strong",
      apiKey: "not-used",
      streaming,
      maxRetries: 0,
      configuration: { baseURL, fetch: router.fetch },
    });

  it("bindTools: invoke returns the tool call with parsed arguments", async () => {
    const message = await chat().bindTools([addTodo]).invoke("remind me to renew the car insurance");
    expect(message.tool_calls).toEqual([
      { id: "call_1", name: "add_todo", args: JSON.parse(args), type: "tool_call" },
    ]);
  });

  it("bindTools: a stream's chunks concatenate to the same call", async () => {
    let merged: Awaited<ReturnType<ReturnType<typeof chat>["invoke"]>> | undefined;
    for await (const piece of await chat(true).bindTools([addTodo]).stream("remind me")) {
      merged = merged ? merged.concat(piece) : piece;
    }
    expect(merged?.tool_calls).toEqual([
      { id: "call_1", name: "add_todo", args: JSON.parse(args), type: "tool_call" },
    ]);
  });

  it("withStructuredOutput: json_schema and tool calling, invoked and streamed", async () => {
    const viaSchema = chat().withStructuredOutput(todo, { name: "todo", method: "jsonSchema" });
    expect(await viaSchema.invoke("renew the car insurance, high priority")).toEqual(JSON.parse(args));
    expect(upstream.requests.at(-1)?.body.response_format).toMatchObject({ type: "json_schema" });
    const viaTools = chat().withStructuredOutput(todo, { name: "todo", method: "functionCalling" });
    expect(await viaTools.invoke("renew the car insurance, high priority")).toEqual(JSON.parse(args));
    let last: unknown;
    for await (const partial of await chat(true)
      .withStructuredOutput(todo, { name: "todo", method: "jsonSchema" })
      .stream("renew")) {
      last = partial;
    }
    expect(last).toEqual(JSON.parse(args));
  });
});
