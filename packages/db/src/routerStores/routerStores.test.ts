import type { LedgerEntry } from "@switchyard/router";
import { asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgets, llmCalls } from "../schema/index.ts";
import { DATABASE_PATHS, type TestDatabase } from "../testing/testDatabases.ts";
import { PgBudgetStore } from "./pgBudgetStore.ts";
import { PgIdempotencyStore } from "./pgIdempotencyStore.ts";
import { PgLedgerSink } from "./pgLedgerSink.ts";

// One database per path for all three stores: opening PGlite is the slow part of these tests.
const options = { ttlMs: 24 * 3600_000, leaseMs: 30_000 };
const holderOf = (claim: Awaited<ReturnType<PgIdempotencyStore["claim"]>>) =>
  claim.state === "claimed" ? claim.holder : "not-claimed";
const day = "2026-11-25";

const attempt: LedgerEntry = {
  requestId: "req-1",
  kind: "attempt",
  operation: "chat",
  app: "todo",
  feature: "ask",
  userId: "u1",
  keyId: "vk_test",
  modelRequested: "auto",
  modelUsed: "anthropic/claude-3-haiku",
  provider: "local",
  endpoint: "local:primary",
  tier: "fast",
  complexityScore: 0.25,
  reasons: ["short question", "no code"],
  attempt: 1,
  fallbackChain: ["local:primary", "local:backup"],
  outcome: "error",
  errorCode: "rate_limited",
  promptTokens: null,
  completionTokens: null,
  cachedTokens: null,
  cacheWriteTokens: null,
  reasoningTokens: null,
  imageTokens: null,
  audioTokens: null,
  images: null,
  costUsd: 0,
  pricedCostUsd: null,
  upstreamCostUsd: null,
  ttftMs: null,
  latencyMs: 12.5,
  idempotencyKey: "idem-1",
  replay: false,
  createdAt: new Date("2026-11-25T10:00:00.000Z"),
};
const request: LedgerEntry = {
  ...attempt,
  kind: "request",
  endpoint: "local:backup",
  attempt: 2,
  outcome: "ok",
  errorCode: null,
  promptTokens: 120,
  completionTokens: 40,
  cachedTokens: 100,
  reasoningTokens: 10,
  costUsd: 0.0000825,
  pricedCostUsd: 0.000075,
  upstreamCostUsd: 0.0000825,
  ttftMs: 80,
  latencyMs: 240,
  createdAt: new Date("2026-11-25T10:00:00.300Z"),
};

describe.each(DATABASE_PATHS)("router stores on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());

  describe("PgIdempotencyStore", () => {
    let clock = Date.parse("2026-11-25T12:00:00Z");
    let store: PgIdempotencyStore;
    beforeAll(() => {
      store = new PgIdempotencyStore(t.handle.db, { now: () => new Date(clock) });
    });

    it("claims a new key, replays the stored response for the same request, and refuses a different one", async () => {
      const claim = await store.claim("k1", "fp-a", options);
      expect(claim).toMatchObject({ state: "claimed" });
      expect(await store.claim("k1", "fp-a", options)).toEqual({ state: "in_progress" });
      expect(await store.claim("k1", "fp-b", options)).toEqual({ state: "conflict" });

      await store.complete("k1", holderOf(claim), { id: "gen-1", choices: [{ message: { content: "hi" } }] });
      expect(await store.claim("k1", "fp-a", options)).toEqual({
        state: "replay",
        response: { id: "gen-1", choices: [{ message: { content: "hi" } }] },
      });
      expect(await store.claim("k1", "fp-b", options)).toEqual({ state: "conflict" });
    });

    it("lets a retry claim a key whose attempt failed and was released", async () => {
      const claim = await store.claim("k2", "fp", options);
      expect(claim).toMatchObject({ state: "claimed" });
      await store.release("k2", holderOf(claim));
      expect(await store.claim("k2", "fp", options)).toMatchObject({ state: "claimed" });
    });

    it("never releases a completed key", async () => {
      const claim = await store.claim("k3", "fp", options);
      await store.complete("k3", holderOf(claim), { ok: true });
      await store.release("k3", holderOf(claim));
      expect(await store.claim("k3", "fp", options)).toMatchObject({ state: "replay" });
    });

    it("hands a key whose owner died over once its lease runs out", async () => {
      expect(await store.claim("k4", "fp", options)).toMatchObject({ state: "claimed" });
      clock += options.leaseMs + 1;
      expect(await store.claim("k4", "fp", options)).toMatchObject({ state: "claimed" });
      expect(await store.claim("k4", "fp", options)).toEqual({ state: "in_progress" });
    });

    it("forgets completed keys after their time to live, and purges them", async () => {
      await store.complete("k5", holderOf(await store.claim("k5", "fp-old", options)), { old: true });
      clock += options.ttlMs + 1;
      expect(await store.claim("k5", "fp-new", options)).toMatchObject({ state: "claimed" });
      // k1 and k3 expired with it and go; k4 (leased then) and k5 (just claimed) stay
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(2);
      expect(await store.claim("k5", "fp-new", options)).toEqual({ state: "in_progress" });
    });

    it("gives a key to exactly one of many concurrent claimers", async () => {
      const results = await Promise.all(Array.from({ length: 25 }, () => store.claim("race", "fp", options)));
      expect(results.filter((r) => r.state === "claimed")).toHaveLength(1);
      expect(results.filter((r) => r.state === "in_progress")).toHaveLength(24);
    });

    it("keeps namespaces apart", async () => {
      const other = new PgIdempotencyStore(t.handle.db, {
        namespace: "todo:create",
        now: () => new Date(clock),
      });
      expect(await other.claim("race", "another-fp", options)).toMatchObject({ state: "claimed" });
    });
  });

  describe("PgBudgetStore", () => {
    let store: PgBudgetStore;
    beforeAll(() => {
      store = new PgBudgetStore(t.handle.db);
    });

    it("never overspends when 100 requests race for a nearly spent budget", async () => {
      const scopes = [{ scope: "app:race", limitUsd: 1 }];
      const first = await store.reserve(scopes, 0.95, day);
      if (!first.ok) throw new Error("the first reservation must fit");
      await store.settle(first.reservation, 0.95);

      const results = await Promise.all(Array.from({ length: 100 }, () => store.reserve(scopes, 0.01, day)));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(await store.used("app:race", day)).toBeCloseTo(1, 10);
      const refused = results.find((r) => !r.ok);
      expect(refused).toMatchObject({ ok: false, exceeded: { scope: "app:race", limitUsd: 1 } });
    });

    it("reserves in every scope or in none", async () => {
      const scopes = [
        { scope: "app:todo", limitUsd: 10 },
        { scope: "user:u1", limitUsd: 0.05 },
      ];
      const ok = await store.reserve(scopes, 0.04, day);
      expect(ok.ok).toBe(true);
      const refused = await store.reserve(scopes, 0.04, day);
      expect(refused).toEqual({ ok: false, exceeded: { scope: "user:u1", limitUsd: 0.05, usedUsd: 0.04 } });
      expect(await store.used("app:todo", day)).toBeCloseTo(0.04, 10);
    });

    it("replaces the estimate with the actual cost on settle, and frees it all on failure", async () => {
      const scopes = [{ scope: "feature:ask", limitUsd: 1 }];
      const a = await store.reserve(scopes, 0.5, day);
      const b = await store.reserve(scopes, 0.3, day);
      if (!a.ok || !b.ok) throw new Error("both reservations must fit");
      expect(await store.used("feature:ask", day)).toBeCloseTo(0.8, 10);

      await store.settle(a.reservation, 0.12);
      await store.settle(b.reservation, 0);
      expect(await store.used("feature:ask", day)).toBeCloseTo(0.12, 10);
    });

    it("takes a scope's limit from its row in budgets over the configured one, in the reservation itself", async () => {
      const scopes = [{ scope: "user:stored", limitUsd: 1 }];
      await t.handle.db.insert(budgets).values({ scope: "user:stored", limitUsd: 0.1 });
      expect((await store.reserve(scopes, 0.08, day)).ok).toBe(true);
      expect(await store.reserve(scopes, 0.05, day)).toEqual({
        ok: false,
        exceeded: { scope: "user:stored", limitUsd: 0.1, usedUsd: 0.08 },
      });
      // An admin raises it: the next reservation sees the new limit, the caller's 1.00 never counts.
      await t.handle.db.update(budgets).set({ limitUsd: 2 }).where(eq(budgets.scope, "user:stored"));
      expect((await store.reserve(scopes, 1.5, day)).ok).toBe(true);
      // A limit of 0 stops the user at once, whatever the router was configured with.
      await t.handle.db.update(budgets).set({ limitUsd: 0 }).where(eq(budgets.scope, "user:stored"));
      expect(await store.reserve(scopes, 0.000001, day)).toMatchObject({
        ok: false,
        exceeded: { limitUsd: 0 },
      });
    });

    it("counts each day on its own", async () => {
      expect(await store.used("app:race", "2026-11-26")).toBe(0);
      const next = await store.reserve([{ scope: "app:race", limitUsd: 1 }], 0.5, "2026-11-26");
      expect(next.ok).toBe(true);
    });
  });

  describe("PgLedgerSink", () => {
    it("writes a batch of attempt and request rows that read back as written", async () => {
      await new PgLedgerSink(t.handle.db).write([attempt, request]);
      await new PgLedgerSink(t.handle.db).write([]);
      const rows = await t.handle.db
        .select()
        .from(llmCalls)
        .where(eq(llmCalls.requestId, "req-1"))
        .orderBy(asc(llmCalls.createdAt));
      expect(rows).toHaveLength(2);
      const { id: _attemptId, ...firstRow } = rows[0]!;
      expect(firstRow).toEqual(attempt);
      expect(rows[1]).toMatchObject({
        kind: "request",
        outcome: "ok",
        costUsd: 0.0000825,
        promptTokens: 120,
        reasons: ["short question", "no code"],
        fallbackChain: ["local:primary", "local:backup"],
      });
      expect(rows[1]).toMatchObject({
        cachedTokens: 100,
        reasoningTokens: 10,
        pricedCostUsd: 0.000075,
        upstreamCostUsd: 0.0000825,
      });
    });

    it("keeps a batch whose rejected request named a model with a NUL byte (Postgres text refuses NUL)", async () => {
      const hostile = {
        ...request,
        requestId: "req-nul",
        modelRequested: "f\u0000ast",
        feature: "a\u0000sk",
      };
      await new PgLedgerSink(t.handle.db).write([{ ...attempt, requestId: "req-nul" }, hostile]);
      const rows = await t.handle.db.select().from(llmCalls).where(eq(llmCalls.requestId, "req-nul"));
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.modelRequested)).toContain("f\uFFFDast");
    });

    it("writes 500 requests at once in shared INSERTs, and a bad row loses only its own request's rows", async () => {
      const sink = new PgLedgerSink(t.handle.db);
      const ids = Array.from({ length: 500 }, (_, i) => `req-many-${i}`);
      // A cost Postgres cannot store (numeric overflow) makes one request's rows unwritable.
      const bad = { ...request, requestId: "req-many-bad", costUsd: 1e300 };
      const writes = [...ids.map((id) => sink.write([{ ...request, requestId: id }])), sink.write([bad])];
      const settled = await Promise.allSettled(writes);
      expect(settled.filter((s) => s.status === "rejected").length).toBeGreaterThan(0);
      const rows = await t.handle.db
        .select({ requestId: llmCalls.requestId })
        .from(llmCalls)
        .where(like(llmCalls.requestId, "req-many-%"));
      expect(new Set(rows.map((r) => r.requestId))).toEqual(new Set(ids));
      // The sink goes on after a failed INSERT.
      await sink.write([{ ...request, requestId: "req-after-bad" }]);
      expect(await t.handle.db.$count(llmCalls, eq(llmCalls.requestId, "req-after-bad"))).toBe(1);
    });
  });
});
