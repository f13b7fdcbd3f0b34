// A scripted OpenAI-compatible upstream for tests that need answers the local provider does not give
// (tool calls split across chunks, JSON that fails a schema): it serves the local provider's path
// layout (`/<endpoint>/v1/chat/completions`), so a router pointed at it uses the catalog's local
// routes. Each request is logged with its endpoint and body; the script decides the answer.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { ToolCall } from "@switchyard/wire";
import type { CatalogOverride } from "../catalog/catalogSchema.ts";

export interface ScriptedRequest {
  endpoint: string;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the router sent
  body: any;
}

export type ScriptedReply = { status: number; json?: unknown } | { chunks: unknown[] };
export type Script = (req: ScriptedRequest, nth: number) => ScriptedReply;

export interface ScriptedUpstream {
  url: string;
  requests: ScriptedRequest[];
  /** Requests one endpoint received. */
  to(endpoint: string): ScriptedRequest[];
  script: Script;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : null;
}

export async function startScriptedUpstream(script: Script): Promise<ScriptedUpstream> {
  const requests: ScriptedRequest[] = [];
  const server = createServer(async (req, res) => {
    const endpoint = req.url?.split("/")[1] ?? "";
    const body = await readBody(req);
    const logged = { endpoint, body };
    requests.push(logged);
    const reply = upstream.script(logged, requests.length);
    if ("chunks" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const chunk of reply.chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      res.end("data: [DONE]\n\n");
      return;
    }
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.json ?? { error: { message: "scripted failure", code: reply.status } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const upstream: ScriptedUpstream = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    to: (endpoint) => requests.filter((r) => r.endpoint === endpoint),
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return upstream;
}

/** A chat answer: text, or tool calls (then content null and finish_reason "tool_calls"). */
export function answer(content: string | null, toolCalls?: ToolCall[]): { status: number; json: unknown } {
  const message = toolCalls
    ? { role: "assistant", content, tool_calls: toolCalls }
    : { role: "assistant", content };
  return {
    status: 200,
    json: {
      id: "chatcmpl-scripted",
      object: "chat.completion",
      created: 1,
      model: "scripted",
      choices: [{ index: 0, message, finish_reason: toolCalls ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
    },
  };
}

/** One stream chunk with the given delta (and finish_reason). */
export function chunk(delta: Record<string, unknown>, finishReason: string | null = null): unknown {
  return {
    id: "chatcmpl-scripted",
    object: "chat.completion.chunk",
    created: 1,
    model: "scripted",
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

/** The usage chunk a stream ends with when asked (`stream_options.include_usage`). */
export const usageChunk = {
  id: "chatcmpl-scripted",
  object: "chat.completion.chunk",
  created: 1,
  model: "scripted",
  choices: [],
  usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
};

/** A test model on one of the local provider's endpoints, priced at $1 / $1 per M tokens. */
export function testModel(
  id: string,
  endpoint: string,
  supports: NonNullable<CatalogOverride["models"]>[number]["supports"],
  capabilities: ("chat" | "vision")[] = ["chat"],
): NonNullable<CatalogOverride["models"]>[number] {
  return {
    id,
    label: id,
    capabilities,
    contextWindow: 100_000,
    price: { inputPerMTokens: 1, outputPerMTokens: 1 },
    supports,
    routes: [{ endpoint: `local:${endpoint}`, account: `local:${endpoint}`, upstreamModel: id }],
  };
}
