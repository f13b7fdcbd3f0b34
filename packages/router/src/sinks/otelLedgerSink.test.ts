import { type Attributes, type Span, type SpanOptions, trace } from "@opentelemetry/api";
import { afterAll, expect, it } from "vitest";
import type { LedgerEntry } from "../stores/types.ts";
import { otelLedgerSink } from "./otelLedgerSink.ts";

interface Recorded {
  name: string;
  attributes: Attributes;
  start: unknown;
  end: unknown;
  status?: unknown;
}
const spans: Recorded[] = [];

// A minimal recording tracer: enough to see what the sink emits, without an SDK.
trace.setGlobalTracerProvider({
  getTracer: () => ({
    startSpan(name: string, options: SpanOptions = {}) {
      const rec: Recorded = {
        name,
        attributes: { ...options.attributes },
        start: options.startTime,
        end: undefined,
      };
      spans.push(rec);
      const span = {
        isRecording: () => true,
        setAttributes: (a: Attributes) => Object.assign(rec.attributes, a) && span,
        setStatus: (s: unknown) => {
          rec.status = s;
          return span;
        },
        end: (t: unknown) => {
          rec.end = t;
        },
        spanContext: () => ({ traceId: "1".repeat(32), spanId: "2".repeat(16), traceFlags: 1 }),
      };
      return span as unknown as Span;
    },
    startActiveSpan: () => {
      throw new Error("unused");
    },
  }),
});
afterAll(() => trace.disable());

const base: LedgerEntry = {
  requestId: "r1",
  kind: "attempt",
  operation: "chat",
  app: "todo",
  feature: "ask",
  userId: "u1",
  modelRequested: "auto",
  modelUsed: "anthropic/claude-3-haiku",
  provider: "Local Primary",
  endpoint: "local:primary",
  tier: "fast",
  complexityScore: 0.2,
  reasons: ["short"],
  attempt: 1,
  fallbackChain: [],
  outcome: "error",
  errorCode: "rate_limited",
  promptTokens: null,
  completionTokens: null,
  costUsd: 0,
  ttftMs: null,
  latencyMs: 5,
  idempotencyKey: null,
  replay: false,
  createdAt: new Date(1_000_010),
};

it("emits a request span with GenAI attributes and a child span per attempt", () => {
  otelLedgerSink().write([
    base,
    {
      ...base,
      attempt: 2,
      endpoint: "local:backup",
      outcome: "ok",
      errorCode: null,
      promptTokens: 12,
      completionTokens: 30,
      costUsd: 0.00004,
    },
    {
      ...base,
      kind: "request",
      attempt: 2,
      outcome: "ok",
      errorCode: null,
      promptTokens: 12,
      completionTokens: 30,
      createdAt: new Date(1_000_000),
      latencyMs: 40,
    },
  ]);
  const [request, first, second] = spans;
  expect(request).toMatchObject({
    name: "chat anthropic/claude-3-haiku",
    start: 1_000_000,
    end: 1_000_040,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "auto",
      "gen_ai.response.model": "anthropic/claude-3-haiku",
      "gen_ai.provider.name": "Local Primary",
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 30,
      "switchyard.tier": "fast",
    },
  });
  expect(first).toMatchObject({
    name: "attempt 1 local:primary",
    attributes: { "error.type": "rate_limited" },
  });
  expect(first!.status).toBeDefined();
  expect(second).toMatchObject({ name: "attempt 2 local:backup" });
  expect(second!.status).toBeUndefined();
});
