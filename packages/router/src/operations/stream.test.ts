import { describe, expect, it } from "vitest";
import { RouterError } from "../errors.ts";
import { callsTo, shortTimeouts, useHarness } from "../testing/harness.ts";
import type { RouterStream, StreamDelta } from "../types.ts";

const h = useHarness();

const req = {
  model: "fast",
  messages: [{ role: "user" as const, content: "tell me about rivers and lakes" }],
};

async function collect(stream: RouterStream): Promise<{ deltas: StreamDelta[]; error: unknown }> {
  const deltas: StreamDelta[] = [];
  try {
    for await (const d of stream) deltas.push(d);
    return { deltas, error: null };
  } catch (error) {
    return { deltas, error };
  }
}

describe("streaming", () => {
  it("streams text, skipping SSE comment lines, and captures usage from the trailing chunk", async () => {
    // A slow first token makes the provider send ": OPENROUTER PROCESSING" comments first.
    h.provider.control.setFaults("primary", { firstTokenMs: 200, processingComments: true });
    const stream = h.router.stream(req);
    const { deltas, error } = await collect(stream);
    expect(error).toBeNull();
    const { text, routing, finishReason } = await stream.result;
    expect(text).toBe(deltas.map((d) => d.text).join(""));
    expect(text.length).toBeGreaterThan(0);
    expect(finishReason).toBe("stop");
    // Usage arrives after the chunk that carries finish_reason, and is still counted.
    const finishAt = deltas.findIndex((d) => d.chunk.choices[0]?.finish_reason);
    const usageAt = deltas.findIndex((d) => d.chunk.usage);
    expect(usageAt).toBeGreaterThan(finishAt);
    const usage = deltas[usageAt]!.chunk.usage!;
    expect(routing.completionTokens).toBe(usage.completion_tokens);
    expect(routing.promptTokens).toBe(usage.prompt_tokens);
    expect(routing.costUsd).toBeGreaterThan(0);
    expect(routing.endpoint).toBe("local:primary");
    expect(routing.ttftMs).not.toBeNull();
  });

  it.each([
    ["never sends a first token", { hangBeforeFirstTokenMs: Number.POSITIVE_INFINITY }],
    ["answers 500", { errorRates: { "500": 1 } }],
    ["fails before its first token", { errorAfterTokens: 0 }],
  ])("fails over before the first token when the primary %s", async (_label, faults) => {
    h.provider.control.setFaults("primary", faults);
    const stream = h.router.stream(req, shortTimeouts);
    const { error } = await collect(stream);
    expect(error).toBeNull();
    const { routing, text } = await stream.result;
    expect(routing.endpoint).toBe("local:backup");
    expect(routing.failover).toBe(true);
    expect(text.length).toBeGreaterThan(0);
  });

  it("raises a typed stream_interrupted error when the upstream fails after the first token", async () => {
    h.provider.control.setFaults("primary", { errorAfterTokens: 5 });
    const stream = h.router.stream(req);
    const { deltas, error } = await collect(stream);
    expect(deltas.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).code).toBe("stream_interrupted");
    await expect(stream.result).rejects.toMatchObject({ code: "stream_interrupted" });
    // No failover once text reached the caller: the backup was never asked.
    expect(callsTo(h.provider, "backup")).toBe(0);
    const rows = h.ledger.entries.filter((e) => e.kind === "request");
    expect(rows.at(-1)).toMatchObject({ outcome: "error", errorCode: "stream_interrupted" });
  });

  it("turns a stall after the first token into stream_interrupted (idle timeout)", async () => {
    h.provider.control.setFaults("primary", { stallAfterTokens: 3, stallMs: Number.POSITIVE_INFINITY });
    const stream = h.router.stream(req, shortTimeouts);
    const { error } = await collect(stream);
    expect(error).toMatchObject({ code: "stream_interrupted", details: { cause: "timeout_idle" } });
  });

  it("cancels the upstream call when the caller aborts", async () => {
    h.provider.control.setFaults("primary", { tokensPerSecond: 20 });
    const controller = new AbortController();
    const stream = h.router.stream(req, { signal: controller.signal });
    const deltas: StreamDelta[] = [];
    const error = await (async () => {
      try {
        for await (const d of stream) {
          deltas.push(d);
          if (deltas.length === 2) controller.abort();
        }
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: "aborted" });
    expect(h.ledger.entries.at(-1)).toMatchObject({ kind: "request", outcome: "client_closed" });
  });
});
