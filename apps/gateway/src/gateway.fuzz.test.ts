// The gateway's `Request -> Response` function under hostile input, as the apps' and the router's fuzz
// suites do: malformed, oversized and wrongly typed OpenAI bodies, odd methods and paths, forged
// headers, with and without a virtual key. Never a 5xx, every 4xx wire's error body without internals,
// an answer within 20 s, and a rejected request never reaches the provider. FUZZ_RUNS / FUZZ_SEED /
// FUZZ_OUT raise the bounded run; `pnpm bench:fuzz` runs it long.
import { createDb, createGatewayKey, type DbHandle, llmCalls, users } from "@switchyard/db";
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import {
  type FuzzRoute,
  type FuzzWorld,
  fuzzFailures,
  fuzzRoutes,
  fuzzSettings,
  writeFuzzReport,
} from "@switchyard/tooling/fuzz";
import { errorBodySchema } from "@switchyard/wire";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createGateway, MAX_BODY_BYTES, webRequest } from "./gateway.ts";
import { createGatewayRouter } from "./gatewayRouter.ts";

const settings = fuzzSettings({ runs: 25 });
let provider: LocalProvider;
let handle: DbHandle;
let routed: ReturnType<typeof createGatewayRouter>;
let secret: string;

beforeAll(async () => {
  [provider, handle] = await Promise.all([startLocalProvider(), createDb({ dataDir: "memory://" })]);
  await handle.db.insert(users).values({ id: "fuzz-owner", name: "Fuzz", email: "fuzz@example.com" });
  ({ secret } = await createGatewayKey(handle.db, { name: "fuzz", ownerId: "fuzz-owner", dailyUsd: 5 }));
  routed = createGatewayRouter({ db: handle.db, localProviderUrl: provider.url });
}, 120_000);
afterAll(async () => {
  await routed?.close();
  await handle?.close();
  await provider?.close();
});

const handler = (req: Request) =>
  createGateway({ db: handle.db, router: routed.router, limits: routed.limits })(webRequest(req));
const route = (name: string, extra: Partial<FuzzRoute> = {}): FuzzRoute => {
  const [method = "POST", path = "/"] = name.split(" ");
  return { name, method, path, handler, ...extra };
};
const json = (sample: Record<string, unknown>) => ({ body: { sample, limitBytes: MAX_BODY_BYTES } });
const messages = [{ role: "user", content: "Say hi." }];

const routes: FuzzRoute[] = [
  route("POST /v1/chat/completions", json({ model: "fast", messages, max_tokens: 16 })),
  route("POST /v1/chat/completions", {
    name: "POST /v1/chat/completions (stream)",
    ...json({ model: "fast", messages, stream: true, stream_options: { include_usage: true } }),
  }),
  route("POST /api/v1/chat/completions", json({ model: "auto", models: ["fast", "strong"], messages })),
  route("POST /v1/embeddings", json({ model: "auto", input: ["milk", "bread"], encoding_format: "base64" })),
  route(
    "POST /v1/images/generations",
    json({ model: "auto", prompt: "a lighthouse", n: 1, size: "256x256" }),
  ),
  route("GET /v1/models"),
  route("GET /api/v1/key"),
  route("POST /v1/[path]", { params: { path: "gateway-path" }, ...json({ model: "fast", messages }) }),
  route("DELETE /v1/chat/completions", json({ model: "fast", messages })),
];

const world = (): FuzzWorld => ({
  origin: "http://gateway.local",
  sessions: { anonymous: {}, keyed: { headers: { authorization: `Bearer ${secret}` } } },
  ids: async () => ({ own: "chat/completions", foreign: "../../admin" }),
  rowCounts: async () => {
    const [ledger] = await handle.db.select({ n: count() }).from(llmCalls);
    return { ledger: ledger?.n ?? 0, upstreamCalls: provider.control.log().length };
  },
  settle: () => routed.router.flush(),
  // As in the router's suite: the engine records a request it refused (no candidate, budget) by design.
  byDesignTables: ["ledger"],
});

it("answers the gateway's hostile inputs without a 5xx, hang, leak or upstream call on rejection", async () => {
  const started = performance.now();
  const options = { runs: settings.runs, seed: settings.seed, errorSchema: errorBodySchema };
  const reports = await fuzzRoutes(routes, world(), options);
  writeFuzzReport("gateway", reports, settings, started);
  expect(reports.every((r) => r.inputs > 0)).toBe(true);
  expect(fuzzFailures(reports)).toEqual([]);
}, 600_000);
