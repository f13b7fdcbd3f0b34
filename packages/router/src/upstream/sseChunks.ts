// Reads an upstream SSE body into chat chunks with eventsource-parser: comment lines (": OPENROUTER
// PROCESSING") are ignored, `[DONE]` ends the stream, an error chunk becomes a typed error, and a body
// that ends with neither `[DONE]` nor a finish_reason is a failure (upstream_error), never a quiet
// end. Chunks are JSON-parsed but not schema-validated one by one (hot path); shape checks are the minimum.
import type { ChatChunk } from "@switchyard/wire";
import { createParser } from "eventsource-parser";
import { RouterError } from "../errors.ts";
import type { UpstreamCall } from "./upstreamCall.ts";
import { streamErrorFromChunk, toRouterError } from "./upstreamError.ts";

export interface SseChunk {
  chunk: ChatChunk;
  /** The event's data, verbatim, for pass-through. */
  raw: string;
}

export async function* sseChunks(call: UpstreamCall, endpoint: string): AsyncGenerator<SseChunk> {
  const pending: string[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event.data) });
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for await (const buf of call.chunks()) {
      parser.feed(decoder.decode(buf, { stream: true }));
      for (let i = 0; i < pending.length; i++) {
        const raw = pending[i]!;
        if (raw === "[DONE]") return;
        const chunk = parseChunk(raw, endpoint);
        if (chunk.choices[0]?.finish_reason) finished = true;
        yield { chunk, raw };
      }
      pending.length = 0;
    }
  } catch (err) {
    throw call.failure ?? toRouterError(err);
  }
  // A body that just stops is a cut connection, not an answer: only [DONE] or a finish_reason ends one.
  if (!finished) {
    throw new RouterError("upstream_error", `${endpoint} ended the stream before the answer was complete.`);
  }
}

function parseChunk(raw: string, endpoint: string): ChatChunk {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new RouterError("upstream_bad_response", `${endpoint} sent a stream event that is not JSON.`);
  }
  if (typeof value !== "object" || value === null) {
    throw new RouterError("upstream_bad_response", `${endpoint} sent a malformed stream event.`);
  }
  const chunk = value as ChatChunk;
  if (chunk.error) throw streamErrorFromChunk(chunk.error, endpoint);
  if (!Array.isArray(chunk.choices)) {
    throw new RouterError("upstream_bad_response", `${endpoint} sent a stream chunk without choices.`);
  }
  const choice = chunk.choices[0];
  if (choice?.finish_reason === "error") {
    throw streamErrorFromChunk(choice.error ?? { code: 502, message: "provider error" }, endpoint);
  }
  return chunk;
}

/** True once a chunk carries something the caller must see: text, a tool call, or the end. */
export function isFirstToken(chunk: ChatChunk): boolean {
  const choice = chunk.choices[0];
  if (!choice) return false;
  const delta = choice.delta as { content?: string | null; tool_calls?: unknown[] };
  return (
    Boolean(delta.content) || Boolean(delta.tool_calls?.length) || (choice.finish_reason ?? null) !== null
  );
}
