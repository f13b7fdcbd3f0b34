// Reads /api/ask's NDJSON stream, validating each event; a refused request (401, 402, 429…), a malformed
// line or a cut connection becomes an `error` event so the panel always reaches a final state.
import { apiFailureOf } from "@switchyard/ui/auth";
import { type AskEvent, askEvent } from "../askEvents.ts";
import type { AskTier } from "../todoSchemas.ts";

export async function* readAskStream(
  question: string,
  tier: AskTier,
  signal: AbortSignal,
): AsyncGenerator<AskEvent> {
  const res = await fetch("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question, tier }),
    signal,
  });
  if (!res.ok || !res.body) {
    const failure = await apiFailureOf(res);
    const details = failure.details as Record<string, unknown> | undefined;
    yield {
      type: "error",
      code: failure.code,
      message: failure.message,
      interrupted: false,
      route: null,
      ...(details && typeof details === "object" ? { details } : {}),
      ...(failure.retryAfterSeconds != null ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
    };
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let finished = false;
  let streamed = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (!line) continue;
      const parsed = askEvent.safeParse(JSON.parse(line));
      if (!parsed.success) continue;
      if (parsed.data.type === "delta") streamed = true;
      if (parsed.data.type === "done" || parsed.data.type === "error") finished = true;
      yield parsed.data;
    }
  }
  if (!finished) {
    yield {
      type: "error",
      code: "stream_interrupted",
      message: "The connection closed before the answer finished.",
      interrupted: streamed,
      route: null,
    };
  }
}
