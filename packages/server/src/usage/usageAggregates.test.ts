import { budgets, createDb, llmCalls, startPgliteServer } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOW, SEED } from "../testing/ledgerSeed.ts";
import { budgetStatus } from "./budgetStatus.ts";
import { costDistribution } from "./costDistribution.ts";
import { endpointReliability } from "./endpointReliability.ts";
import { latencyByEndpoint, latencyOverTime } from "./latency.ts";
import { reliabilityOverTime } from "./reliabilityOverTime.ts";
import { attemptChain, filterOptions, requestLog } from "./requestLog.ts";
import { savings, strongModelPrice } from "./savings.ts";
import { spendOverTime } from "./spendOverTime.ts";
import { parseUsageQuery, usageWindow } from "./usageQuery.ts";
import { usageSummary } from "./usageSummary.ts";

const hour = (hh: number) => Date.parse(`2026-11-25T${String(hh).padStart(2, "0")}:00:00Z`);
const window = usageWindow("24h", NOW);
const all = {};

// Both drivers: postgres.js returns numeric and bigint as strings, PGlite as numbers.
const paths = [
  {
    name: "embedded PGlite",
    open: () => createDb({ dataDir: "memory://" }).then((h) => ({ h, close: () => h.close() })),
  },
  {
    name: "PGlite over the wire (postgres.js)",
    open: async () => {
      const server = await startPgliteServer({ dataDir: "memory://" });
      const h = await createDb({ url: server.url, cache: false });
      return { h, close: () => h.close().then(() => server.close()) };
    },
  },
];

describe.each(paths)("usage aggregates on $name", ({ open }) => {
  let t: Awaited<ReturnType<typeof open>>;
  const db = () => t.h.db;
  beforeAll(async () => {
    t = await open();
    await t.h.db.insert(llmCalls).values(SEED);
    await t.h.db.insert(budgets).values([
      { scope: "app:todo", limitUsd: 1 },
      { scope: "feature:ask", limitUsd: 0.05 },
      { scope: "feature:summarize", limitUsd: 0.2 },
    ]);
  }, 60_000);
  afterAll(() => t.close());

  it("sums requests, failures, replays, spend and tokens in the window only", async () => {
    expect(await usageSummary(db(), window, all)).toEqual({
      requests: 6,
      failed: 1,
      replays: 1,
      costUsd: 0.049502,
      promptTokens: 3100,
      completionTokens: 700,
    });
    const todo = await usageSummary(db(), window, { app: "todo" });
    expect(todo.requests).toBe(5);
    expect(todo.costUsd).toBeCloseTo(0.010502, 12);
  });

  it("splits spend per hour by model, biggest spender first, with quiet hours as zero", async () => {
    const spend = await spendOverTime(db(), window, all, "model");
    expect(spend.keys).toEqual([
      "google/gemini-2.5-flash-image",
      "openai/gpt-4o",
      "anthropic/claude-3-haiku",
      "openai/text-embedding-3-small",
    ]);
    expect(spend.points).toHaveLength(24);
    const byHour = new Map(spend.points.map((p) => [p.bucket, p]));
    expect(byHour.get(hour(10))).toMatchObject({
      costUsd: 0.0105,
      promptTokens: 3000,
      completionTokens: 700,
      requests: 2,
      byKey: { "anthropic/claude-3-haiku": 0.0005, "openai/gpt-4o": 0.01 },
    });
    expect(byHour.get(hour(11))?.byKey).toEqual({
      "openai/text-embedding-3-small": 0.000002,
      "google/gemini-2.5-flash-image": 0.039,
    });
    expect(byHour.get(hour(12))).toMatchObject({ costUsd: 0, requests: 2 });
    expect(byHour.get(hour(9))).toMatchObject({ costUsd: 0, requests: 0, byKey: {} });

    const byFeature = await spendOverTime(db(), window, all, "feature");
    expect(byFeature.keys).toEqual(["generate", "ask", "search"]);
  });

  it("bins the cost of answered requests and gives its interpolated percentiles", async () => {
    const d = await costDistribution(db(), window, all);
    // Answered, not replayed: 0.000002, 0.0005, 0.01, 0.039.
    expect(d.bins.map((b) => b.requests)).toEqual([0, 1, 0, 1, 0, 2, 0]);
    expect(d.bins.at(-1)).toEqual({ fromUsd: 0.1, toUsd: null, requests: 0 });
    expect(d.p50Usd).toBeCloseTo(0.00525, 12);
    expect(d.p95Usd).toBeCloseTo(0.01 + 0.85 * 0.029, 12);
    expect(d.p99Usd).toBeCloseTo(0.01 + 0.97 * 0.029, 12);
  });

  it("prices the answered chat requests at GPT-4o to show what routing saved", async () => {
    const s = await savings(db(), window, all, strongModelPrice({}));
    expect(s.strongModel).toBe("openai/gpt-4o");
    expect(s.requests).toBe(2);
    expect(s.actualUsd).toBeCloseTo(0.0105, 12);
    // 3000 prompt tokens at $2.50/M + 700 completion tokens at $10/M.
    expect(s.strongOnlyUsd).toBeCloseTo(0.0145, 12);
    expect(s.savedUsd).toBeCloseTo(0.004, 12);
    expect(s.savedShare).toBeCloseTo(0.004 / 0.0145, 12);
    expect(s.tiers).toEqual([
      { tier: "fast", requests: 1, costUsd: 0.0005 },
      { tier: "strong", requests: 1, costUsd: 0.01 },
    ]);
    const images = await savings(db(), window, { app: "images" }, strongModelPrice({}));
    expect(images).toMatchObject({ requests: 0, strongOnlyUsd: 0, savedShare: null, tiers: [] });
  });

  it("gives end-to-end latency and TTFT percentiles per answering endpoint", async () => {
    const byEndpoint = await latencyByEndpoint(db(), window, all);
    expect(byEndpoint.map((e) => e.endpoint)).toEqual([
      "local:backup",
      "local:default",
      "local:image-primary",
      "local:primary",
    ]);
    const primary = byEndpoint.find((e) => e.endpoint === "local:primary");
    // Latencies 5 and 100 ms.
    expect(primary).toMatchObject({ requests: 2, p50Ms: 52.5, ttftP50Ms: null });
    expect(primary?.p95Ms).toBeCloseTo(95.25, 9);
    expect(primary?.p99Ms).toBeCloseTo(99.05, 9);
    // Latencies 300 and 400 ms; only the streamed one has a time to first token.
    expect(byEndpoint.find((e) => e.endpoint === "local:backup")).toMatchObject({
      p50Ms: 350,
      p95Ms: 395,
      p99Ms: 399,
      ttftP50Ms: 50,
      ttftP99Ms: 50,
    });

    const overTime = await latencyOverTime(db(), window, all);
    expect(overTime.map((p) => [p.bucket, p.endpoint, p.p50Ms])).toEqual([
      [hour(10), "local:backup", 400],
      [hour(10), "local:primary", 100],
      [hour(11), "local:default", 20],
      [hour(11), "local:image-primary", 800],
      [hour(12), "local:backup", 300],
      [hour(12), "local:primary", 5],
    ]);
  });

  it("gives each endpoint's error rate from its attempts", async () => {
    const endpoints = await endpointReliability(db(), window, all);
    expect(endpoints.find((e) => e.endpoint === "local:primary")).toMatchObject({
      attempts: 3,
      errors: 2,
      errorRate: 2 / 3,
      topErrorCode: "upstream_5xx",
      p50Ms: 100,
    });
    expect(endpoints.find((e) => e.endpoint === "local:backup")).toMatchObject({
      attempts: 2,
      errors: 1,
      errorRate: 0.5,
    });
    expect(endpoints.find((e) => e.endpoint === "local:default")).toMatchObject({ errors: 0, errorRate: 0 });
  });

  it("counts retries and failovers per hour", async () => {
    const points = await reliabilityOverTime(db(), window, all);
    expect(points).toHaveLength(24);
    const byHour = new Map(points.map((p) => [p.bucket, p]));
    expect(byHour.get(hour(10))).toEqual({
      bucket: hour(10),
      requests: 2,
      failed: 0,
      retries: 1,
      failovers: 1,
    });
    expect(byHour.get(hour(11))).toEqual({
      bucket: hour(11),
      requests: 2,
      failed: 0,
      retries: 0,
      failovers: 0,
    });
    // R5 retried and failed; R6 was a replay, which is no failover although it tried nothing.
    expect(byHour.get(hour(12))).toEqual({
      bucket: hour(12),
      requests: 2,
      failed: 1,
      retries: 1,
      failovers: 0,
    });
  });

  it("pages the request log newest first, filters it, and opens a request's attempt chain", async () => {
    const first = await requestLog(db(), window, { ...parseUsageQuery({}), page: 1 }, 2);
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.requestId)).toEqual(["r6", "r5"]);
    const last = await requestLog(db(), window, { ...parseUsageQuery({}), page: 3 }, 2);
    expect(last.rows.map((r) => r.requestId)).toEqual(["r2", "r1"]);
    const errors = await requestLog(db(), window, parseUsageQuery({ outcome: "error" }));
    expect(errors.rows.map((r) => r.requestId)).toEqual(["r5"]);
    const images = await requestLog(db(), window, parseUsageQuery({ app: "images" }));
    expect(images.rows.map((r) => r.requestId)).toEqual(["r4"]);
    const byModel = await requestLog(db(), window, parseUsageQuery({ model: "openai/gpt-4o" }));
    expect(byModel.rows.map((r) => r.requestId)).toEqual(["r2"]);
    const replay = first.rows[0];
    expect(replay).toMatchObject({ replay: true, idempotent: true, costUsd: 0 });
    expect(JSON.stringify(replay)).not.toContain("client-key-1");

    const chain = await attemptChain(db(), "r2");
    expect(chain.request).toMatchObject({
      requestId: "r2",
      endpoint: "local:backup",
      attempt: 2,
      costUsd: 0.01,
    });
    expect(chain.attempts.map((a) => [a.attempt, a.endpoint, a.outcome, a.errorCode])).toEqual([
      [1, "local:primary", "error", "upstream_5xx"],
      [2, "local:backup", "ok", null],
    ]);
    expect(await attemptChain(db(), "missing")).toEqual({ request: null, attempts: [] });
  });

  it("offers the apps, features and models seen in the window as filters", async () => {
    expect(await filterOptions(db(), window)).toEqual({
      apps: ["images", "todo"],
      features: ["ask", "generate", "search"],
      models: [
        "anthropic/claude-3-haiku",
        "google/gemini-2.5-flash-image",
        "openai/gpt-4o",
        "openai/text-embedding-3-small",
      ],
    });
  });

  it("lists budgets with today's spend, and apps and features that spent without one", async () => {
    const status = await budgetStatus(db(), NOW);
    expect(status.day).toBe("2026-11-25");
    const line = (scope: string) => status.lines.find((l) => l.scope === scope);
    expect(line("app:todo")).toMatchObject({ kind: "app", name: "todo", limitUsd: 1 });
    expect(line("app:todo")?.spentTodayUsd).toBeCloseTo(0.010502, 12);
    expect(line("app:images")).toEqual({
      scope: "app:images",
      kind: "app",
      name: "images",
      limitUsd: null,
      spentTodayUsd: 0.039,
      used: null,
    });
    expect(line("feature:ask")?.used).toBeCloseTo(0.0105 / 0.05, 12);
    expect(line("feature:summarize")).toMatchObject({ limitUsd: 0.2, spentTodayUsd: 0, used: 0 });
    expect(status.lines.map((l) => l.scope)).toEqual([
      "app:images",
      "app:todo",
      "feature:generate",
      "feature:ask",
      "feature:search",
      "feature:summarize",
    ]);
  });
});
