// Chapter 4: routing by price and capability over the full catalog. Every model the price library
// knows is routable by its OpenRouter id; here the local provider stands in for OpenRouter (it serves
// the picked ids as simulated chat), so the example runs offline with the catalog's real prices.
import { resolveProfiles, startLocalProvider } from "@switchyard/local-provider";
import { createRouter, isRouterError } from "@switchyard/router";

// #region pick
// The whole catalog as the router routes it: about 700 models with prices, a third with capabilities.
const lister = createRouter({ env: {}, policy: { credits: { refreshMs: 0 } } });
const catalog = lister.catalogModels();
await lister.close();
const withTools = catalog.filter(
  (m) => m.supports?.tools && (m.contextWindow ?? 0) >= 100_000 && m.price.inputPerMTokens > 0,
);
const cheapest = withTools.sort((a, b) => a.price.inputPerMTokens - b.price.inputPerMTokens).slice(0, 5);
console.log(`${catalog.length} models; ${withTools.length} take tools with a 100k context. Cheapest:`);
for (const m of cheapest) {
  console.log(`  ${m.id.padEnd(44)} $${m.price.inputPerMTokens} in / $${m.price.outputPerMTokens} out per M`);
}
// #endregion

const base = resolveProfiles();
const simulated = (id: string) => [id, { kind: "chat" as const, name: `Simulated ${id}` }];
const provider = await startLocalProvider({
  profiles: {
    ...base,
    models: {
      ...base.models,
      ...Object.fromEntries([...cheapest.map((m) => m.id), "openai/gpt-4o"].map(simulated)),
    },
  },
});
// OpenRouter's account, pointed at the local provider's OpenRouter-like endpoint.
const router = createRouter({
  env: { SWITCHYARD_LOG_LEVEL: "error" },
  accounts: ["openrouter"],
  baseUrls: { openrouter: `${provider.url}/openrouter-like` },
});

// #region route
// A tool call asking for GPT-4o with the five as fallbacks, cheapest first and nothing above $0.30
// per million prompt tokens: max_price drops GPT-4o ($2.50), sort orders the rest by their catalog
// price, and the router tries them in that order.
const tool = { type: "function" as const, function: { name: "add_todo", parameters: { type: "object" } } };
const { routing } = await router.chat(
  {
    model: "openai/gpt-4o",
    models: cheapest.map((m) => m.id).reverse(),
    messages: [{ role: "user", content: "Add milk" }],
    tools: [tool],
  },
  { sort: "price", maxPrice: { prompt: 0.3 } },
);
console.log(`served by ${routing.modelUsed}; order: ${routing.fallbackChain.join(" → ")}`);
// #endregion

// #region capability
// A model the catalog knows nothing about is never sent a request that needs tools.
const unknown = catalog.find((m) => m.capabilities.includes("chat") && m.supports === null)!;
try {
  await router.chat({ model: unknown.id, messages: [{ role: "user", content: "Add milk" }], tools: [tool] });
} catch (err) {
  if (!isRouterError(err)) throw err;
  console.log(`${unknown.id}: ${err.code}: ${err.message}`);
}
// #endregion

await router.close();
await provider.close();
