// Public types of the typed API: per-request options, routing metadata, and results.
import type {
  ChatChunk,
  ChatResponse,
  chatRequest,
  EmbeddingResponse,
  ImageResponse,
  RoutingMeta,
  Tier,
  ToolCall,
  ToolCallDelta,
} from "@switchyard/wire";
import type { z } from "zod";
import type { Timeouts } from "./config.ts";
import type { BudgetScope } from "./stores/types.ts";

/** What happened, attached to every result and to errors thrown after routing began (zod schema: wire's `routingMeta`). */
/** A call an answer makes: `function.arguments` is the JSON text the model wrote (parse it yourself). */
export type { RoutingMeta, Tier, ToolCall, ToolCallDelta };

/** Routing hints and bookkeeping for one request. All optional. */
export interface RequestOptions {
  /** Which app is calling (budgets, ledger). Defaults to the router's `app`. */
  app?: string;
  /** Feature name within the app ("ask", "embed-todo"): budgets and ledger. */
  feature?: string;
  userId?: string;
  /** A gateway's virtual key the request came with: the ledger's key_id. */
  keyId?: string;
  /** More budget scopes for this request only (a virtual key's), reserved with the configured ones. */
  budgetScopes?: BudgetScope[];
  /** Non-streaming calls with a key are idempotent (Stripe semantics); forwarded upstream too. */
  idempotencyKey?: string;
  /**
   * false: the key still guards concurrency (409/422) and goes upstream, but the result is not stored
   * for replay: the caller keeps its own reference (the images app its row's id, never the bytes).
   */
  keepResult?: boolean;
  signal?: AbortSignal;
  /** Only endpoints with zero data retention. */
  zdrOnly?: boolean;
  /** Highest acceptable price, USD per million tokens. */
  maxPrice?: { prompt?: number; completion?: number };
  /** Endpoint ids ("local:primary"), account ids ("openrouter") or upstream providers to allow / skip. */
  only?: string[];
  ignore?: string[];
  /** Ordering of candidate endpoints; default is catalog order, demoting unhealthy endpoints. */
  sort?: "price" | "latency" | "throughput";
  /** The prompt's embedding, handed to the complexity classifier. */
  embedding?: number[];
  /** Per-request timeout overrides. */
  timeouts?: Partial<Timeouts>;
}

export interface ChatResult {
  /** The upstream response, `model` set to the catalog id that served it. */
  response: ChatResponse;
  /** Convenience: the first choice's text. */
  text: string;
  /** The first choice's tool calls ([] when it made none). */
  toolCalls: ToolCall[];
  routing: RoutingMeta;
}

/** router.structured()'s request: a chat request (no response_format, no stream) and the answer's schema. */
export type StructuredRequest<S extends z.ZodType> = Omit<
  z.input<typeof chatRequest>,
  "response_format" | "stream"
> & {
  /** The answer's shape; sent as JSON Schema (`z.toJSONSchema`) and checked on the way back. */
  schema: S;
  /** The schema's name in `response_format` (default "answer"). */
  name?: string;
  description?: string;
  /** OpenAI's strict mode (every field required, no extra keys); off unless asked. */
  strict?: boolean;
};

export interface StructuredResult<T> extends ChatResult {
  /** The answer's JSON, parsed and checked against the schema. */
  data: T;
}

export interface StreamDelta {
  type: "delta";
  /** Text in this chunk (may be ""). */
  text: string;
  chunk: ChatChunk;
  /** The upstream event's data line, verbatim (the fetch face passes it through). */
  raw: string;
  /** Pieces of tool calls in this chunk, by index (absent when it has none); `.result` joins them. */
  toolCalls?: ToolCallDelta[];
}

export interface StreamResult {
  text: string;
  /** The calls assembled from every chunk's pieces: ids, names and whole argument JSON ([] when none). */
  toolCalls: ToolCall[];
  finishReason: string | null;
  routing: RoutingMeta;
}

export interface RouterStream extends AsyncIterable<StreamDelta> {
  /** Resolves once the first token arrived (routing settled, before tokens/cost are known). */
  readonly started: Promise<RoutingMeta>;
  /** Resolves when the stream ends, with full routing metadata; rejects with the stream's error. */
  readonly result: Promise<StreamResult>;
}

export interface EmbedRequest {
  /** "auto" (catalog default), or a concrete embeddings model id. */
  model?: string;
  input: string | string[];
  dimensions?: number;
}

export interface EmbedResult {
  embeddings: number[][];
  /** The vector space: store it beside each vector, re-embed when it changes. */
  model: string;
  response: EmbeddingResponse;
  routing: RoutingMeta;
}

export interface ImageRequestInput {
  /** "auto" (catalog default), or a concrete image model id. */
  model?: string;
  prompt: string;
  n?: number;
  size?: string;
  seed?: number;
}

/** The image formats the router accepts from a provider, told apart by their bytes. */
export type ImageMimeType = "image/png" | "image/jpeg" | "image/webp";

export interface GeneratedImage {
  /** Base64 bytes. An upstream answer without bytes (a bare URL) is refused: its type cannot be checked. */
  b64Json: string;
  /** Sniffed from the bytes (magic numbers), never the type the provider declared. */
  mimeType: ImageMimeType;
}

export interface ImageResult {
  images: GeneratedImage[];
  response: ImageResponse;
  routing: RoutingMeta;
}

export interface BreakerState {
  /** `${endpoint}|${model}` */
  key: string;
  endpoint: string;
  model: string;
  state: "closed" | "open" | "half_open";
  consecutiveFailures: number;
  /** When an open breaker lets a probe through (epoch ms), or null. */
  reopensAt: number | null;
  ewmaLatencyMs: number | null;
  ewmaTtftMs: number | null;
  errorRate: number;
}

export interface CreditBalance {
  account: string;
  label: string;
  limitUsd: number | null;
  usageUsd: number | null;
  remainingUsd: number | null;
  fetchedAt: number;
}
