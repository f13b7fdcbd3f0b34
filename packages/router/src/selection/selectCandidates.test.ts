import { describe, expect, it } from "vitest";
import { LiveCatalog, liveAccounts } from "../catalog/liveCatalog.ts";
import { buildCatalog } from "../catalog/loadCatalog.ts";
import { mergePolicy } from "../config.ts";
import { RouterError } from "../errors.ts";
import { HealthRegistry } from "../health/healthRegistry.ts";
import { ask, callsTo, useHarness } from "../testing/harness.ts";
import { resolveChatModel } from "./resolveModel.ts";
import { type CandidateQuery, selectCandidates } from "./selectCandidates.ts";

const h = useHarness();

describe("candidate filters", () => {
  it("zdrOnly keeps only zero-data-retention endpoints", async () => {
    const result = await h.router.chat(ask("private note"), { zdrOnly: true });
    expect(result.routing.endpoint).toBe("local:zdr");
    expect(result.routing.fallbackChain).toEqual(["anthropic/claude-3-haiku@local:zdr"]);
    expect(callsTo(h.provider, "primary")).toBe(0);
  });

  it("zdrOnly never fails over to a non-ZDR endpoint, even when the ZDR one is down", async () => {
    h.provider.control.setFaults("zdr", { down: true });
    await expect(h.router.chat(ask("private note"), { zdrOnly: true })).rejects.toMatchObject({
      code: "upstream_error",
    });
    expect(callsTo(h.provider, "primary") + callsTo(h.provider, "backup")).toBe(0);
  });

  it("fails at once with no_candidate naming the filter and what it removed", async () => {
    const err = await h.router
      .chat(ask("x"), { zdrOnly: true, only: ["local:primary", "local:backup"] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(RouterError);
    expect(err.code).toBe("no_candidate");
    expect(err.details.removed).toMatchObject({
      zdr: ["local:primary (anthropic/claude-3-haiku)", "local:backup (anthropic/claude-3-haiku)"],
      provider: ["local:zdr (anthropic/claude-3-haiku)"],
    });
    expect(err.message).toContain("not zero-data-retention: local:primary (anthropic/claude-3-haiku)");
    expect(h.provider.control.log()).toHaveLength(0);
  });

  it("removes models above the max price and models without the needed capability", async () => {
    const pricey = await h.router
      .chat({ ...ask("x"), model: "strong" }, { maxPrice: { completion: 5 } })
      .catch((e) => e);
    expect(pricey.details.removed.price).toHaveLength(3);
    const vision = await h.router
      .chat({
        model: "meta-llama/llama-3.1-8b-instruct",
        messages: [
          {
            role: "user",
            content: [{ type: "image_url", image_url: { url: "data:image/png;base64,AA==" } }],
          },
        ],
      })
      .catch((e) => e);
    expect(vision.code).toBe("no_candidate");
    expect(vision.details.removed.capability).toEqual([
      "local:groq-like (meta-llama/llama-3.1-8b-instruct)",
      "local:together-like (meta-llama/llama-3.1-8b-instruct)",
    ]);
  });

  it("lists routes whose account has no key as not configured", async () => {
    const err = await h.router.chat({ ...ask("x"), model: "strong" }, { only: ["openai"] }).catch((e) => e);
    expect(err.details.removed.not_configured).toEqual([
      "openai (openai/gpt-4o)",
      "openrouter (openai/gpt-4o)",
    ]);
  });

  it("rejects an unknown model as invalid_request", async () => {
    await expect(h.router.chat({ ...ask("x"), model: "acme/nope" })).rejects.toMatchObject({
      code: "invalid_request",
    });
  });
});

describe("selection over the full catalog", () => {
  const catalog = buildCatalog();
  const accounts = liveAccounts(catalog, {}, { localProviderUrl: "http://127.0.0.1:1" });
  const live = new LiveCatalog(catalog, accounts, new HealthRegistry(mergePolicy().breaker));
  const query = (options: CandidateQuery["options"] = {}): CandidateQuery => ({
    capability: "chat",
    needsVision: false,
    needs: null,
    contextTokens: 100,
    options,
  });
  const strong = live.catalog.tiers.strong;

  it("a request naming one model gets the catalog's own id list and route list: nothing built per request", async () => {
    expect(live.catalog.models.length).toBeGreaterThan(500);
    const classify = () => Promise.reject(new Error("not consulted"));
    const resolved = await resolveChatModel(live, strong, [], undefined, classify);
    expect(resolved.modelIds).toBe(live.get(strong)!.alone);
    expect(selectCandidates(live, resolved.modelIds, query())).toBe(live.get(strong)!.routes);
  });

  it("a filter or an order that changes the list builds a new one, as before", () => {
    const routes = live.get(strong)!.routes;
    expect(routes.length).toBeGreaterThan(1);
    const only = selectCandidates(live, [strong], query({ only: [routes[1]!.route.endpoint] }));
    expect(only).toEqual([routes[1]]);
    const byPrice = selectCandidates(live, [strong], query({ sort: "price" }));
    expect(byPrice).not.toBe(routes);
    expect(byPrice).toEqual(routes);
  });

  it("no_candidate's details hold a copy of the ids, not the catalog's list", () => {
    const err = (() => {
      try {
        return selectCandidates(live, live.get(strong)!.alone, query({ only: ["nowhere"] }));
      } catch (e) {
        return e;
      }
    })() as RouterError;
    expect(err.code).toBe("no_candidate");
    expect(err.details?.models).toEqual([strong]);
    expect(err.details?.models).not.toBe(live.get(strong)!.alone);
  });
});
