// A small ledger with hand-computed figures, for the aggregation tests. Times are UTC on 2026-11-25;
// the tests look at the 24 hours up to NOW.
import type { NewLlmCall } from "@switchyard/db";

export const NOW = new Date("2026-11-25T12:30:00Z");
const at = (hhmm: string, day = "2026-11-25") => new Date(`${day}T${hhmm}:00Z`);

type Row = Omit<NewLlmCall, "modelRequested" | "outcome" | "requestId" | "kind"> &
  Partial<Pick<NewLlmCall, "modelRequested" | "outcome">>;

function request(requestId: string, row: Row, attempts: Row[]): NewLlmCall[] {
  const base = { requestId, modelRequested: "auto", outcome: "ok" as const, ...row };
  return [
    { ...base, kind: "request" },
    ...attempts.map((a, i) => ({
      ...base,
      costUsd: 0,
      ttftMs: null,
      ...a,
      kind: "attempt" as const,
      attempt: i + 1,
    })),
  ];
}

const haiku = "anthropic/claude-3-haiku";

export const SEED: NewLlmCall[] = [
  // R1: routed to the fast tier, answered at once. 1000 in + 200 out on Haiku = $0.0005.
  ...request(
    "r1",
    {
      app: "todo",
      feature: "ask",
      operation: "chat",
      tier: "fast",
      modelUsed: haiku,
      endpoint: "local:primary",
      attempt: 1,
      promptTokens: 1000,
      completionTokens: 200,
      costUsd: 0.0005,
      latencyMs: 100,
      createdAt: at("10:05"),
    },
    [{ costUsd: 0.0005, latencyMs: 100 }],
  ),
  // R2: strong tier, streamed; the first endpoint failed, the backup answered. 2000 + 500 on GPT-4o = $0.01.
  ...request(
    "r2",
    {
      app: "todo",
      feature: "ask",
      operation: "stream",
      tier: "strong",
      modelUsed: "openai/gpt-4o",
      endpoint: "local:backup",
      attempt: 2,
      promptTokens: 2000,
      completionTokens: 500,
      costUsd: 0.01,
      latencyMs: 400,
      ttftMs: 50,
      createdAt: at("10:20"),
    },
    [
      {
        endpoint: "local:primary",
        outcome: "error",
        errorCode: "upstream_5xx",
        latencyMs: 30,
        promptTokens: null,
        completionTokens: null,
      },
      { costUsd: 0.01, latencyMs: 370, ttftMs: 50 },
    ],
  ),
  // R3: an embedding, $0.000002.
  ...request(
    "r3",
    {
      app: "todo",
      feature: "search",
      operation: "embed",
      modelUsed: "openai/text-embedding-3-small",
      endpoint: "local:default",
      attempt: 1,
      promptTokens: 100,
      costUsd: 0.000002,
      latencyMs: 20,
      createdAt: at("11:10"),
    },
    [{ costUsd: 0.000002, latencyMs: 20 }],
  ),
  // R4: an image, $0.039.
  ...request(
    "r4",
    {
      app: "images",
      feature: "generate",
      operation: "image",
      modelUsed: "google/gemini-2.5-flash-image",
      endpoint: "local:image-primary",
      attempt: 1,
      costUsd: 0.039,
      latencyMs: 800,
      createdAt: at("11:40"),
    },
    [{ costUsd: 0.039, latencyMs: 800 }],
  ),
  // R5: failed on both endpoints.
  ...request(
    "r5",
    {
      app: "todo",
      feature: "ask",
      operation: "chat",
      tier: "fast",
      modelUsed: haiku,
      endpoint: "local:backup",
      attempt: 2,
      outcome: "error",
      errorCode: "upstream_5xx",
      costUsd: 0,
      latencyMs: 300,
      createdAt: at("12:10"),
    },
    [
      { endpoint: "local:primary", latencyMs: 100 },
      { endpoint: "local:backup", latencyMs: 200 },
    ],
  ),
  // R6: an idempotent replay of R1: no attempt, no cost.
  ...request(
    "r6",
    {
      app: "todo",
      feature: "ask",
      operation: "chat",
      tier: "fast",
      modelUsed: haiku,
      endpoint: "local:primary",
      attempt: 0,
      replay: true,
      idempotencyKey: "client-key-1",
      costUsd: 0,
      latencyMs: 5,
      createdAt: at("12:15"),
    },
    [],
  ),
  // R7: a day and a half ago, outside every window the tests use.
  ...request(
    "r7",
    {
      app: "todo",
      feature: "ask",
      operation: "chat",
      tier: "strong",
      modelUsed: "openai/gpt-4o",
      endpoint: "local:primary",
      attempt: 1,
      promptTokens: 100_000,
      completionTokens: 100_000,
      costUsd: 1.25,
      latencyMs: 999,
      createdAt: at("00:00", "2026-11-24"),
    },
    [{ costUsd: 1.25, latencyMs: 999 }],
  ),
];
