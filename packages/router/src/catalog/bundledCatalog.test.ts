// The catalog from data: hundreds of priced OpenRouter models beside the hand-configured ones, each
// routable by id, and a model of unknown capabilities only for requests that need none.
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Router } from "../router.ts";
import { createRouter } from "../router.ts";
import { bundledModels, catalogStats } from "./bundledCatalog.ts";
import { defaultCatalog } from "./defaultCatalog.ts";
import { buildCatalog } from "./loadCatalog.ts";

describe("the bundled catalog", () => {
  it("prices at least 500 models offline and knows the capabilities of a few hundred", () => {
    const stats = catalogStats(bundledModels());
    expect(stats.withPrices).toBeGreaterThanOrEqual(500);
    expect(stats.withCapabilities).toBeGreaterThanOrEqual(200);
  });

  it("keeps the hand-configured models first, with their endpoints, tiers and defaults", () => {
    const catalog = buildCatalog();
    expect(catalog.models.slice(0, defaultCatalog.models.length).map((m) => m.id)).toEqual(
      defaultCatalog.models.map((m) => m.id),
    );
    expect(catalog.models.find((m) => m.id === "openai/gpt-4o")!.routes).toHaveLength(5);
    expect(catalog.tiers).toEqual(defaultCatalog.tiers);
    expect(new Set(catalog.models.map((m) => m.id)).size).toBe(catalog.models.length);
  });

  it("routes every other model through OpenRouter by its own id", () => {
    const haiku45 = buildCatalog().models.find((m) => m.id === "anthropic/claude-haiku-4.5")!;
    expect(haiku45.routes).toEqual([
      { endpoint: "openrouter", account: "openrouter", path: "/v1", upstreamModel: haiku45.id, zdr: false },
    ]);
    expect(haiku45.price).toMatchObject({ inputPerMTokens: 1, cacheReadPerMTokens: 0.1 });
  });

  it("is left out when an override says bundled: false", () => {
    expect(buildCatalog({ bundled: false }).models).toHaveLength(defaultCatalog.models.length);
  });
});

describe("choosing a bundled model", () => {
  const unknown = bundledModels().find((m) => !m.supports)!;
  const noTools = bundledModels().find((m) => m.supports?.tools === false)!;
  const withTools = bundledModels().find((m) => m.supports?.tools === true)!;
  let provider: LocalProvider;
  let router: Router;

  beforeAll(async () => {
    // The local provider stands in for OpenRouter, serving these three ids.
    const sim = { kind: "chat" as const, name: "Sim" };
    provider = await startLocalProvider({
      profiles: {
        models: { [unknown.id]: sim, [noTools.id]: sim, [withTools.id]: sim },
        endpoints: { default: { provider: "Sim OpenRouter" } },
      },
    });
    router = createRouter({
      env: { OPENROUTER_API_KEY: "test" },
      baseUrls: { openrouter: provider.url },
      policy: { credits: { refreshMs: 0 } },
    });
  });
  afterAll(async () => {
    await router.close();
    await provider.close();
  });

  const ask = (model: string, extra: Record<string, unknown> = {}) =>
    router.chat({ model, messages: [{ role: "user", content: "hi" }], ...extra });
  const tools = [{ type: "function", function: { name: "f", parameters: { type: "object" } } }];

  it("serves a plain request with a model of unknown capabilities", async () => {
    const result = await ask(unknown.id);
    expect(result.routing).toMatchObject({ modelUsed: unknown.id, endpoint: "openrouter" });
  });

  it("never sends it a request that needs tools or structured outputs", async () => {
    for (const extra of [
      { tools },
      { response_format: { type: "json_schema", json_schema: { name: "x" } } },
    ]) {
      const err = await ask(unknown.id, extra).catch((e) => e);
      expect(err.code).toBe("no_candidate");
      expect(err.details.removed.capability).toEqual([`openrouter (${unknown.id}): capabilities unknown`]);
    }
    expect(provider.control.log().filter((e) => e.model === unknown.id)).toHaveLength(1);
  });

  it("names the capability a known model lacks, and keeps one that has it", async () => {
    const err = await ask(noTools.id, { tools }).catch((e) => e);
    expect(err.details.removed.capability).toEqual([`openrouter (${noTools.id}): tools`]);
    const result = await ask(withTools.id, { tools });
    expect(result.routing.modelUsed).toBe(withTools.id);
  });
});
