import { describe, expect, it } from "vitest";
import { ask, useHarness } from "../testing/harness.ts";
import { idempotencyScope } from "./idempotency.ts";

const h = useHarness();

const upstreamCalls = (key: string) => h.provider.control.log({ idempotencyKey: key }).length;

describe("idempotency keys", () => {
  it("replays the stored result for a repeat: no upstream call, no charge", async () => {
    const first = await h.router.chat(ask("plan my week"), { idempotencyKey: "k-replay" });
    const again = await h.router.chat(ask("plan my week"), { idempotencyKey: "k-replay" });
    expect(again.response.id).toBe(first.response.id);
    expect(again.text).toBe(first.text);
    expect(again.routing).toMatchObject({
      replay: true,
      costUsd: 0,
      attempts: 0,
      modelUsed: first.routing.modelUsed,
    });
    expect(first.routing.costUsd).toBeGreaterThan(0);
    expect(upstreamCalls("k-replay")).toBe(1);
    const requestRows = h.ledger.entries.filter((e) => e.kind === "request");
    expect(requestRows.map((r) => [r.replay, r.costUsd > 0])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("rejects the same key with a different request as a mismatch (422)", async () => {
    await h.router.chat(ask("first request"), { idempotencyKey: "k-conflict" });
    await expect(
      h.router.chat(ask("another request"), { idempotencyKey: "k-conflict" }),
    ).rejects.toMatchObject({
      code: "idempotency_mismatch",
      status: 422,
    });
    expect(upstreamCalls("k-conflict")).toBe(1);
  });

  it("answers a duplicate still waiting for the first past its wait with 409 in flight and a Retry-After", async () => {
    h.newRouter({ policy: { idempotency: { waitMs: 50 } } });
    h.provider.control.setFaults("primary", { firstTokenMs: 400 });
    const first = h.router.chat(ask("slow one"), { idempotencyKey: "k-in-flight" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(h.router.chat(ask("slow one"), { idempotencyKey: "k-in-flight" })).rejects.toMatchObject({
      code: "idempotency_in_flight",
      status: 409,
      retryAfterSeconds: 1,
    });
    await first;
    const again = await h.router.chat(ask("slow one"), { idempotencyKey: "k-in-flight" });
    expect(again.routing.replay).toBe(true);
    expect(upstreamCalls("k-in-flight")).toBe(1);
  });

  it("makes concurrent duplicates wait for the first and share its result", async () => {
    h.provider.control.setFaults("primary", { firstTokenMs: 150 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => h.router.chat(ask("double click"), { idempotencyKey: "k-concurrent" })),
    );
    expect(new Set(results.map((r) => r.response.id)).size).toBe(1);
    expect(results.filter((r) => !r.routing.replay)).toHaveLength(1);
    expect(upstreamCalls("k-concurrent")).toBe(1);
  });

  it("does not store failures: the same key runs again after an error", async () => {
    for (const e of ["primary", "backup", "zdr"]) h.provider.control.setFaults(e, { down: true });
    await expect(h.router.chat(ask("retry me"), { idempotencyKey: "k-failure" })).rejects.toMatchObject({
      code: "upstream_error",
    });
    h.provider.control.reset();
    h.newRouter();
    const result = await h.router.chat(ask("retry me"), { idempotencyKey: "k-failure" });
    expect(result.routing.replay).toBe(false);
    expect(upstreamCalls("k-failure")).toBe(1);
  });

  it("forwards the key upstream on every attempt so duplicates are countable", async () => {
    h.provider.control.setFaults("primary", { errorRates: { "503": 1 } });
    await h.router.chat(ask("count me"), { idempotencyKey: "k-forward" });
    expect(h.provider.control.log({ idempotencyKey: "k-forward" }).map((e) => e.endpoint)).toEqual([
      "primary",
      "backup",
    ]);
  });

  it("works for images and embeddings too", async () => {
    const img = await h.router.image({ prompt: "a lighthouse at dusk" }, { idempotencyKey: "k-image" });
    const img2 = await h.router.image({ prompt: "a lighthouse at dusk" }, { idempotencyKey: "k-image" });
    expect(img2.images[0]?.b64Json).toBe(img.images[0]?.b64Json);
    expect(img2.routing.replay).toBe(true);
    const emb = await h.router.embed({ input: "milk and eggs" }, { idempotencyKey: "k-embed" });
    const emb2 = await h.router.embed({ input: "milk and eggs" }, { idempotencyKey: "k-embed" });
    expect(emb2.embeddings).toEqual(emb.embeddings);
    expect(upstreamCalls("k-image") + upstreamCalls("k-embed")).toBe(2);
  });

  it("stores no result when the caller keeps its own (keepResult: false): the key only guards and goes upstream", async () => {
    const options = { idempotencyKey: "k-keep-own", keepResult: false };
    const first = await h.router.image({ prompt: "a lighthouse at noon" }, options);
    expect(first.routing.replay).toBe(false);
    // Nothing was kept for replay, so a repeat (which the caller answers from its own row) runs again.
    const again = await h.router.image({ prompt: "a lighthouse at noon" }, options);
    expect(again.routing.replay).toBe(false);
    expect(upstreamCalls("k-keep-own")).toBe(2);
  });

  it("scopes keys per user: two users' equal keys get two results, each replayed to its own user", async () => {
    const alice = await h.router.chat(ask("summarise my day"), {
      idempotencyKey: "k-shared",
      userId: "alice",
    });
    const bob = await h.router.chat(ask("summarise my day"), { idempotencyKey: "k-shared", userId: "bob" });
    expect(bob.routing.replay).toBe(false);
    expect(bob.response.id).not.toBe(alice.response.id);
    // A different request under the same key is no conflict either: it is another user's key.
    const bobOther = await h.router.chat(ask("something else"), { idempotencyKey: "k-other", userId: "bob" });
    const aliceOther = await h.router.chat(ask("not the same"), {
      idempotencyKey: "k-other",
      userId: "alice",
    });
    expect(aliceOther.response.id).not.toBe(bobOther.response.id);
    const aliceAgain = await h.router.chat(ask("summarise my day"), {
      idempotencyKey: "k-shared",
      userId: "alice",
    });
    expect(aliceAgain).toMatchObject({ routing: { replay: true }, response: { id: alice.response.id } });
    expect(upstreamCalls("k-shared")).toBe(2);
    const rows = h.ledger.entries.filter((e) => e.kind === "request" && e.idempotencyKey === "k-shared");
    expect(rows.map((r) => r.userId)).toEqual(["alice", "bob", "alice"]);
  });

  it("never lets a key written to look like another scope meet that scope", () => {
    expect(idempotencyScope("todo", "alice", "k")).not.toBe(idempotencyScope("todo", undefined, "alice:k"));
    expect(idempotencyScope("todo", "a:b", "k")).not.toBe(idempotencyScope("todo", "a", "b:k"));
    expect(idempotencyScope("to:do", undefined, "k")).not.toBe(idempotencyScope("to", undefined, "do::k"));
  });
});
