// The runner on two toy routes: a careful one passes, a careless one is caught with its first input.
import { describe, expect, it } from "vitest";
import { type ErrorSchema, type FuzzWorld, fuzzFailures, fuzzRoute } from "./fuzzRunner.ts";
import type { FuzzRoute } from "./hostileRequests.ts";

const errorSchema: ErrorSchema = {
  safeParse: (v) => ({
    success: typeof (v as { error?: { code?: unknown } })?.error?.code === "string",
  }),
};
const refuse = (status: number, code: string) =>
  Response.json({ error: { code, message: code } }, { status });

let rows = 0;
const world: FuzzWorld = {
  origin: "http://localhost:3000",
  sessions: { anonymous: {}, member: { cookie: "s=member" } },
  ids: async (_kind, session) => (session === "member" ? { own: "own-id", foreign: "their-id" } : {}),
  rowCounts: async () => ({ items: rows }),
};

const careful: FuzzRoute = {
  name: "POST /items/[id]",
  method: "POST",
  path: "/items/[id]",
  params: { id: "item" },
  body: { sample: { title: "milk" }, limitBytes: 1024 },
  handler: async (req, ctx) => {
    const { id } = await ctx.params;
    if (!req.headers.get("cookie")?.includes("s=member")) return refuse(401, "unauthenticated");
    if (id !== "own-id") return refuse(404, "not_found");
    const text = await req.text();
    if (text.length > 1024) return refuse(413, "payload_too_large");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(400, "invalid_json");
    }
    if (typeof (body as { title?: unknown })?.title !== "string") return refuse(400, "invalid_request");
    rows++;
    return Response.json({ ok: true }, { status: 201 });
  },
};

describe("fuzzRoute", () => {
  it("passes a route that refuses hostile input with typed 4xx bodies and writes only on success", async () => {
    const report = await fuzzRoute(careful, world, { runs: 60, seed: 1, errorSchema });
    // The known offenders run first, within the 60; an input no client could send is skipped.
    expect(report.inputs).toBeGreaterThan(50);
    expect(report.inputs).toBeLessThanOrEqual(60);
    expect(report.status5xx).toBe(0);
    expect(fuzzFailures([report])).toEqual([]);
    expect(Object.keys(report.statuses).some((s) => s.startsWith("4"))).toBe(true);
  });

  it("catches a 5xx, a leaky body and a row written on rejection, each with its first input", async () => {
    const careless: FuzzRoute = {
      ...careful,
      name: "POST /careless/[id]",
      handler: async (req) => {
        rows++; // written before the body is checked
        const text = await req.text();
        if (text.startsWith("[")) throw new Error("boom");
        return new Response(`SELECT * FROM items\n    at handler (/app/route.ts:3:9)`, { status: 400 });
      },
    };
    const report = await fuzzRoute(careless, world, { runs: 60, seed: 1, errorSchema });
    expect(Object.keys(report.failures).sort()).toEqual(["5xx", "errorBody", "leak", "rowsOnRejection"]);
    expect(report.rowsWrittenOnRejection).toBeGreaterThan(0);
    expect(report.failures["5xx"]?.first.detail).toContain("boom");
  });
});
