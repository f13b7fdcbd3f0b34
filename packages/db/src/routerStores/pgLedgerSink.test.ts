import type { LedgerEntry } from "@switchyard/router";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llmCalls } from "../schema/index.ts";
import { DATABASE_PATHS, type TestDatabase } from "../testSupport.ts";
import { PgLedgerSink } from "./pgLedgerSink.ts";

const attempt: LedgerEntry = {
  requestId: "req-1",
  kind: "attempt",
  operation: "chat",
  app: "todo",
  feature: "ask",
  userId: "u1",
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
  costUsd: 0,
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
  costUsd: 0.0000825,
  ttftMs: 80,
  latencyMs: 240,
  createdAt: new Date("2026-11-25T10:00:00.300Z"),
};

describe.each(DATABASE_PATHS)("PgLedgerSink on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());

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
  });
});
