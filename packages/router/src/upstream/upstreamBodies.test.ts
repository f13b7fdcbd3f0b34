import { expect, test } from "vitest";
import type { LiveCatalog, LiveRoute } from "../catalog/liveCatalog.ts";
import { chatBody } from "./upstreamBodies.ts";

function route(kind: "openrouter" | "local", upstreamProvider?: string): LiveRoute {
  return {
    route: {
      endpoint: "e",
      account: kind,
      path: "/v1",
      upstreamModel: "openai/gpt-4o",
      zdr: false,
      upstreamProvider,
    },
    account: { kind },
  } as unknown as LiveRoute;
}
const live = { get: () => undefined } as unknown as LiveCatalog;
const req = { model: "auto", messages: [{ role: "user" as const, content: "hi" }] };

test("OpenRouter gets the routing hints as its own provider preferences", () => {
  const body = chatBody(
    live,
    req,
    route("openrouter", "Azure"),
    { zdrOnly: true, sort: "latency", maxPrice: { prompt: 3 } },
    false,
  );
  expect(body.model).toBe("openai/gpt-4o");
  expect(body.provider).toEqual({ order: ["Azure"], zdr: true, sort: "latency", max_price: { prompt: 3 } });
});

test("a caller's own provider order wins over the route's pinned provider", () => {
  const body = chatBody(
    live,
    { ...req, provider: { order: ["OpenAI"] } },
    route("openrouter", "Azure"),
    {},
    false,
  );
  expect(body.provider).toEqual({ order: ["OpenAI"] });
});

test("other upstreams never receive OpenRouter-only fields", () => {
  const body = chatBody(
    live,
    { ...req, provider: { order: ["OpenAI"] } },
    route("local", "Azure"),
    { zdrOnly: true },
    true,
  );
  expect(body.provider).toBeUndefined();
  expect(body.stream_options).toEqual({ include_usage: true });
});
