import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { utcDay } from "../engine/budget.ts";
import { MemoryBudgetStore } from "../stores/memoryBudgetStore.ts";
import { callsTo, useHarness } from "../testing/harness.ts";
import type { RouterStream } from "../types.ts";

const h = useHarness();

const req = {
  model: "fast",
  messages: [{ role: "user" as const, content: "tell me about rivers and lakes" }],
};

async function drain(stream: RouterStream): Promise<unknown> {
  try {
    for await (const _ of stream);
    return null;
  } catch (error) {
    return error;
  }
}

const requestRow = async (requestId?: string) => {
  await h.router.flush();
  const rows = h.ledger.entries.filter((e) => e.kind === "request");
  return requestId ? rows.find((r) => r.requestId === requestId) : rows.at(-1);
};

describe("a stream ends only with [DONE] or a finish_reason", () => {
  it("a stream cut after its first tokens, with neither, is stream_interrupted", async () => {
    h.provider.control.setFaults("primary", { endAfterTokens: 4 });
    const stream = h.router.stream(req);
    const error = await drain(stream);
    expect(error).toMatchObject({ code: "stream_interrupted", details: { cause: "upstream_error" } });
    await expect(stream.result).rejects.toMatchObject({ code: "stream_interrupted" });
    expect(callsTo(h.provider, "backup")).toBe(0);
    expect(await requestRow()).toMatchObject({ outcome: "error", errorCode: "stream_interrupted" });
  });

  it("an empty 200 stream fails over like an error", async () => {
    h.provider.control.setFaults("primary", { endAfterTokens: 0 });
    const stream = h.router.stream(req);
    expect(await drain(stream)).toBeNull();
    const { routing, text } = await stream.result;
    expect(routing).toMatchObject({ endpoint: "local:backup", failover: true, attempts: 2 });
    expect(text.length).toBeGreaterThan(0);
    const rows = h.ledger.forRequest(routing.requestId);
    expect(rows[0]).toMatchObject({ kind: "attempt", endpoint: "local:primary", outcome: "error" });
  });

  it("a stream of only [DONE] (no content, no finish_reason) fails over as upstream_bad_response", async () => {
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end("data: [DONE]\n\n");
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    try {
      const router = h.newRouter({
        localProviderUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        policy: { retry: { maxAttempts: 1 } },
      });
      const error = await drain(router.stream(req));
      expect(error).toMatchObject({ code: "upstream_bad_response" });
      expect((error as Error).message).toMatch(/empty stream/);
    } finally {
      upstream.close();
    }
  });
});

describe("a caller that leaves still gets its ledger row and its budget settled", () => {
  const budgeted = () =>
    h.newRouter({ app: "t", budgetStore: new MemoryBudgetStore(), budgets: { app: { t: 1 } } });

  it("aborted before the first token, through the handler", async () => {
    const store = new MemoryBudgetStore();
    const router = h.newRouter({ app: "t", budgetStore: store, budgets: { app: { t: 1 } } });
    h.provider.control.setFaults("primary", { hangBeforeFirstTokenMs: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const res = await router.handler(
      new Request("http://app.local/v1/chat/completions", {
        method: "POST",
        body: JSON.stringify({ ...req, stream: true }),
        signal: controller.signal,
      }),
    );
    expect(res.status).toBe(499);
    expect(await requestRow()).toMatchObject({ outcome: "client_closed", errorCode: "aborted", app: "t" });
    expect(await store.used("app:t", utcDay())).toBe(0);
  });

  it("disconnected after the first token, before the response body was read", async () => {
    const store = new MemoryBudgetStore();
    const router = h.newRouter({ app: "t", budgetStore: store, budgets: { app: { t: 1 } } });
    h.provider.control.setFaults("primary", { tokensPerSecond: 5 });
    const res = await router.handler(
      new Request("http://app.local/v1/chat/completions", {
        method: "POST",
        body: JSON.stringify({ ...req, stream: true }),
      }),
    );
    expect(res.status).toBe(200);
    const requestId = res.headers.get("x-switchyard-request-id")!;
    // The client goes away: the server cancels the body it never read.
    await res.body!.cancel();
    const row = await requestRow(requestId);
    expect(row).toMatchObject({ outcome: "client_closed", endpoint: "local:primary" });
    // The hold (an upper bound) is settled down to what the partial answer cost.
    expect(await store.used("app:t", utcDay())).toBeCloseTo(row!.costUsd, 12);
    expect(h.provider.control.log({ endpoint: "primary" }).at(-1)?.status).toBe(200);
  });

  it("aborted by its signal after the first token, with the stream never read", async () => {
    const router = budgeted();
    h.provider.control.setFaults("primary", { tokensPerSecond: 5 });
    const controller = new AbortController();
    const stream = router.stream(req, { signal: controller.signal });
    const started = await stream.started;
    controller.abort();
    await expect(stream.result).rejects.toMatchObject({ code: "aborted" });
    expect(await requestRow(started.requestId)).toMatchObject({ outcome: "client_closed" });
    // Reading it now is an abort too, not a stream from nowhere.
    expect(await drain(stream)).toMatchObject({ code: "aborted" });
  });

  it("an iterator closed before its first read", async () => {
    const router = budgeted();
    const stream = router.stream(req);
    const started = await stream.started;
    await stream[Symbol.asyncIterator]().return?.(undefined);
    await expect(stream.result).rejects.toMatchObject({ code: "aborted" });
    expect(await requestRow(started.requestId)).toMatchObject({ outcome: "client_closed" });
  });
});
