// Asks through the app's own /api/ask and reads the NDJSON answer: the sources it used and how it ended.
import { type APIRequestContext, expect } from "@playwright/test";

export interface AskOutcome {
  sourceIds: string[];
  sourceTitles: string[];
  /** The ledger's request id of the finished answer. */
  requestId: string | null;
  last: { type: string; code?: string };
}

export async function askApi(request: APIRequestContext, question: string): Promise<AskOutcome> {
  const res = await request.post("/api/ask", { data: { question, tier: "fast" } });
  expect(res.status(), await res.text()).toBe(200);
  const events = (await res.text())
    .trim()
    .split("\n")
    .map(
      (line) =>
        JSON.parse(line) as {
          type: string;
          code?: string;
          sources?: { id: string; title: string }[];
          route?: { requestId: string };
        },
    );
  const sources = events.find((e) => e.type === "sources")?.sources ?? [];
  return {
    sourceIds: sources.map((s) => s.id),
    sourceTitles: sources.map((s) => s.title),
    requestId: events.find((e) => e.type === "done")?.route?.requestId ?? null,
    last: events.at(-1) ?? { type: "none" },
  };
}
