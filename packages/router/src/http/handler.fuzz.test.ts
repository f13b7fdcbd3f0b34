// The router's Request -> Response handler under hostile input (issue 21, item 6): malformed, oversized
// and wrongly typed OpenAI bodies, odd methods and paths, forged headers. Never a 5xx, every 4xx wire's
// error body without internals, an answer within 20 s (streams included), and a rejected request never
// reaches the provider. FUZZ_RUNS / FUZZ_SEED / FUZZ_OUT raise the bounded run; `pnpm bench:fuzz` runs
// it long.
import {
  type FuzzRoute,
  type FuzzWorld,
  fuzzFailures,
  fuzzRoutes,
  fuzzSettings,
  writeFuzzReport,
} from "@switchyard/tooling/fuzz";
import { errorBodySchema } from "@switchyard/wire";
import { expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

const h = useHarness({ freshRouter: false });
const settings = fuzzSettings({ runs: 25 });
const LIMIT = 8 * 1024 * 1024;

const handler = (req: Request) => h.router.handler(req);
const route = (name: string, extra: Partial<FuzzRoute> = {}): FuzzRoute => {
  const [method = "POST", path = "/"] = name.split(" ");
  return { name, method, path, handler, headers: { "x-switchyard-app": "fuzz" }, ...extra };
};
const json = (sample: Record<string, unknown>) => ({ body: { sample, limitBytes: LIMIT } });
const messages = [{ role: "user", content: "Say hi." }];

const routes: FuzzRoute[] = [
  route("POST /v1/chat/completions", json({ model: "fast", messages, max_tokens: 16 })),
  route("POST /v1/chat/completions", {
    name: "POST /v1/chat/completions (stream)",
    ...json({ model: "fast", messages, stream: true, stream_options: { include_usage: true } }),
  }),
  route("POST /v1/embeddings", json({ model: "auto", input: ["milk", "bread"], encoding_format: "base64" })),
  route(
    "POST /v1/images/generations",
    json({ model: "auto", prompt: "a lighthouse", n: 1, size: "256x256" }),
  ),
  route("GET /v1/models"),
  // Any other path or method under the mount point: a typed 400, never a crash.
  route("POST /v1/[path]", { params: { path: "router-path" }, ...json({ model: "fast", messages }) }),
  route("DELETE /v1/chat/completions", json({ model: "fast", messages })),
];

// A rejected request must stop before the provider: its calls are counted like table rows. The ledger
// records every request the engine took in, a refused one too (idempotency mismatch, no candidate,
// budget) with outcome "error": that entry is by design and reported apart.
const world = (): FuzzWorld => ({
  origin: "http://app.local",
  sessions: { anonymous: {} },
  ids: async () => ({ own: "chat/completions", foreign: "../../admin" }),
  rowCounts: async () => ({
    ledger: h.ledger.entries.length,
    upstreamCalls: h.provider.control.log().length,
  }),
  settle: () => h.router.flush(),
  byDesignTables: ["ledger"],
});

it("answers the router handler's hostile inputs without a 5xx, hang, leak or upstream call on rejection", async () => {
  const started = performance.now();
  const options = { runs: settings.runs, seed: settings.seed, errorSchema: errorBodySchema };
  const reports = await fuzzRoutes(routes, world(), options);
  writeFuzzReport("router", reports, settings, started);
  expect(reports.every((r) => r.inputs > 0)).toBe(true);
  expect(fuzzFailures(reports)).toEqual([]);
}, 600_000);
