// OpenTelemetry spans from ledger rows: one span per request with a child per upstream attempt,
// back-dated to when they happened, with the GenAI semantic-convention attributes. Uses only
// @opentelemetry/api: without an SDK registered the tracer is a no-op and this costs next to nothing.
import { type Attributes, context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { LedgerEntry, LedgerSink } from "../stores/types.ts";

const tracer = trace.getTracer("@switchyard/router");

const operationName: Record<LedgerEntry["operation"], string> = {
  chat: "chat",
  stream: "chat",
  embed: "embeddings",
  image: "generate_content",
};

function attributes(e: LedgerEntry): Attributes {
  const a: Attributes = {
    "gen_ai.operation.name": operationName[e.operation],
    "gen_ai.request.model": e.modelRequested,
    "switchyard.request_id": e.requestId,
    "switchyard.attempt": e.attempt,
    "switchyard.outcome": e.outcome,
    "switchyard.cost_usd": e.costUsd,
    "switchyard.replay": e.replay,
  };
  if (e.modelUsed) a["gen_ai.response.model"] = e.modelUsed;
  if (e.provider) a["gen_ai.provider.name"] = e.provider;
  if (e.endpoint) a["switchyard.endpoint"] = e.endpoint;
  if (e.tier) a["switchyard.tier"] = e.tier;
  if (e.complexityScore !== null) a["switchyard.complexity_score"] = e.complexityScore;
  if (e.promptTokens !== null) a["gen_ai.usage.input_tokens"] = e.promptTokens;
  if (e.completionTokens !== null) a["gen_ai.usage.output_tokens"] = e.completionTokens;
  if (e.ttftMs !== null) a["switchyard.ttft_ms"] = e.ttftMs;
  if (e.errorCode) a["error.type"] = e.errorCode;
  if (e.app) a["switchyard.app"] = e.app;
  if (e.feature) a["switchyard.feature"] = e.feature;
  return a;
}

const isRequestRow = (e: LedgerEntry) => e.kind === "request";

export function otelLedgerSink(): LedgerSink {
  return {
    write(entries: LedgerEntry[]) {
      const request = entries.find(isRequestRow);
      if (!request) return;
      const start = request.createdAt.getTime();
      const span = tracer.startSpan(
        `${operationName[request.operation]} ${request.modelUsed ?? request.modelRequested}`,
        { kind: SpanKind.CLIENT, startTime: start },
      );
      // No SDK registered: the span is a no-op, so skip building attributes and child spans.
      if (!span.isRecording()) return;
      span.setAttributes(attributes(request));
      const parent = trace.setSpan(context.active(), span);
      for (const e of entries) {
        if (e.kind !== "attempt") continue;
        const end = e.createdAt.getTime();
        const child = tracer.startSpan(
          `attempt ${e.attempt} ${e.endpoint ?? ""}`,
          { kind: SpanKind.CLIENT, startTime: end - e.latencyMs, attributes: attributes(e) },
          parent,
        );
        if (e.outcome !== "ok")
          child.setStatus({ code: SpanStatusCode.ERROR, message: e.errorCode ?? e.outcome });
        child.end(end);
      }
      if (request.outcome !== "ok")
        span.setStatus({ code: SpanStatusCode.ERROR, message: request.errorCode ?? "" });
      span.end(start + request.latencyMs);
    },
  };
}
