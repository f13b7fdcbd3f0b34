// The Request -> Response face over the typed API, speaking the OpenAI wire: POST .../chat/completions
// (JSON or SSE), .../embeddings, .../images/generations, GET .../models. Any path prefix works, so
// it mounts under a Next route or serves as the openai SDK's / LangChain's `fetch`.
// Routing metadata rides in x-switchyard-* headers and a `switchyard` field (last SSE chunk for streams).
import {
  type chatRequest,
  type embeddingRequest,
  encodeEmbedding,
  type imageRequest,
} from "@switchyard/wire";
import type { z } from "zod";
import { asRouterError, RouterError } from "../errors.ts";
import type {
  ChatResult,
  EmbedResult,
  ImageResult,
  RequestOptions,
  RouterStream,
  RoutingMeta,
} from "../types.ts";
import {
  checkChatRequest,
  checkEmbeddingRequest,
  checkImageRequest,
  parseBody,
  readJson,
} from "../validate.ts";
import { optionsFromRequest } from "./requestOptions.ts";
import { routingHeaders } from "./routingHeaders.ts";

export interface HandlerApi {
  chat(req: z.infer<typeof chatRequest>, o: RequestOptions): Promise<ChatResult>;
  stream(req: z.infer<typeof chatRequest>, o: RequestOptions): RouterStream;
  embed(req: z.infer<typeof embeddingRequest>, o: RequestOptions): Promise<EmbedResult>;
  image(req: z.infer<typeof imageRequest>, o: RequestOptions): Promise<ImageResult>;
  models(): { id: string; capabilities: string[] }[];
}

const jsonHeaders = { "content-type": "application/json" };
const encoder = new TextEncoder();

/** `extra`: headers the caller adds to every answer (the gateway's x-ratelimit-*). */
export function errorResponse(err: unknown, extra: Record<string, string> = {}): Response {
  const error = asRouterError(err);
  // Tell the openai SDK (and LangChain through it) not to retry: the router already did. The exception:
  // the same key still running elsewhere, which the client should send again after its Retry-After.
  const retry = error.code === "idempotency_in_flight";
  const headers: Record<string, string> = { ...extra, ...jsonHeaders, "x-should-retry": String(retry) };
  if (error.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(Math.ceil(error.retryAfterSeconds));
  if (error.routing) routingHeaders(error.routing, headers);
  return new Response(JSON.stringify(error.toBody()), { status: error.status, headers });
}

/** A POST already read: its path, its parsed JSON body, its headers and the client's signal. */
export interface ParsedRequest {
  path: string;
  body: unknown;
  headers: Headers;
  signal: AbortSignal;
  /** Headers for the answer, whatever it is: set here rather than on the Response after (cheaper). */
  responseHeaders?: Record<string, string>;
}

export function createHandler(api: HandlerApi): (request: Request) => Promise<Response> {
  const handleParsed = createParsedHandler(api);
  return async (request) => {
    try {
      const path = new URL(request.url).pathname.replace(/\/+$/, "");
      if (request.method === "GET" && path.endsWith("/models")) {
        return Response.json({ object: "list", data: api.models().map((m) => ({ ...m, object: "model" })) });
      }
      if (request.method !== "POST")
        throw new RouterError("invalid_request", `Unsupported: ${request.method} ${path}`);
      const body = await readJson(request);
      return await handleParsed({ path, body, headers: request.headers, signal: request.signal });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * The POST routes over a body the caller has read and parsed already (the gateway, which must look
 * into it first): no second Request and no second parse.
 */
export function createParsedHandler(api: HandlerApi): (request: ParsedRequest) => Promise<Response> {
  return async ({ path, body, headers, signal, responseHeaders: extra = {} }) => {
    try {
      if (path.endsWith("/chat/completions")) {
        const req = parseBody(checkChatRequest, body);
        const o = optionsFromRequest(headers, req, signal);
        return req.stream
          ? await streamResponse(api.stream(req, o), req.stream_options?.include_usage === true, extra)
          : await chatResponse(api.chat(req, o), extra);
      }
      if (path.endsWith("/embeddings")) {
        const req = parseBody(checkEmbeddingRequest, body);
        const result = await api.embed(req, optionsFromRequest(headers, req, signal));
        return withRouting(embeddingsBody(result, req.encoding_format), result.routing, extra);
      }
      if (path.endsWith("/images/generations")) {
        const req = parseBody(checkImageRequest, body);
        const result = await api.image(req, optionsFromRequest(headers, req, signal));
        return withRouting({ ...result.response }, result.routing, extra);
      }
      throw new RouterError("invalid_request", `No such route: ${path}`);
    } catch (err) {
      return errorResponse(err, extra);
    }
  };
}

function withRouting(
  body: Record<string, unknown>,
  routing: RoutingMeta,
  extra: Record<string, string> = {},
): Response {
  body.switchyard = routing;
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: routingHeaders(routing, { ...extra, ...jsonHeaders }),
  });
}

async function chatResponse(pending: Promise<ChatResult>, extra: Record<string, string>): Promise<Response> {
  const result = await pending;
  return withRouting({ ...result.response }, result.routing, extra);
}

function embeddingsBody(
  result: EmbedResult,
  format: "float" | "base64" | undefined,
): Record<string, unknown> {
  const wantBase64 = format === "base64";
  return {
    ...result.response,
    data: result.embeddings.map((embedding, index) => ({
      object: "embedding",
      index,
      embedding: wantBase64 ? encodeEmbedding(embedding) : embedding,
    })),
  };
}

async function streamResponse(
  stream: RouterStream,
  clientWantsUsage: boolean,
  extra: Record<string, string> = {},
): Promise<Response> {
  // Waiting for the first token means errors before it are a plain HTTP error and headers can
  // name the endpoint that actually answers.
  const started = await stream.started;
  const iterator = stream[Symbol.asyncIterator]();
  let last: { id: string; model: string; created?: number | undefined } | null = null;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull that enqueues nothing is not called again: skip a held-back chunk and read the next.
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          const { chunk, raw } = next.value;
          last = chunk;
          // A usage-only chunk is sent only to clients that asked for it (some parsers choke on it).
          if (clientWantsUsage || chunk.choices.length > 0 || !chunk.usage) {
            controller.enqueue(encoder.encode(`data: ${raw}\n\n`));
            return;
          }
        }
        const { routing } = await stream.result;
        const tail = {
          id: last?.id ?? routing.requestId,
          object: "chat.completion.chunk",
          created: last?.created ?? Math.floor(Date.now() / 1000),
          model: last?.model ?? routing.modelUsed,
          choices: [],
          switchyard: routing,
        };
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(tail)}\n\ndata: [DONE]\n\n`));
        controller.close();
      } catch (err) {
        // A typed error event: the openai SDK raises it instead of ending the stream quietly.
        const error =
          err instanceof RouterError ? err : new RouterError("stream_interrupted", "The stream failed.");
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(error.toBody())}\n\n`));
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: routingHeaders(started, {
      ...extra,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
    }),
  });
}
