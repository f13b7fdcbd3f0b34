// Cached, cache-write and reasoning tokens end to end: the local provider reports them when its
// scripts ask, and the ledger rows and routing carry them with the cost charged, the catalog's price
// (equal to genai-prices' for that usage) and the upstream's own figure when it sends one.
import { calcPrice, extractUsage, findProvider } from "@pydantic/genai-prices";
import { type LocalProvider, resolveProfiles, startLocalProvider } from "@switchyard/local-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouter, type Router } from "../router.ts";
import { MemoryLedgerSink } from "../sinks/memoryLedgerSink.ts";

const openRouter = findProvider({ providerId: "openrouter" })!;
const libraryCost = (usage: unknown) =>
  calcPrice(
    extractUsage(openRouter, { model: "openai/gpt-4o-mini", usage }, "chat").usage,
    "openai/gpt-4o-mini",
    {
      provider: openRouter,
    },
  )!.total_price;

let provider: LocalProvider;
let router: Router;
const ledger = new MemoryLedgerSink();

beforeAll(async () => {
  const scripted = { response: "Done.", model: "local/sim-gpt-4o-mini" };
  provider = await startLocalProvider({
    profiles: {
      ...resolveProfiles(),
      scripts: [
        { ...scripted, pattern: "reported", usage: { cached_tokens: 30, reasoning_tokens: 25 } },
        { ...scripted, pattern: "unpriced", usage: { cached_tokens: 30, reasoning_tokens: 25, cost: false } },
      ],
    },
  });
  router = createRouter({
    env: {},
    localProviderUrl: provider.url,
    ledger,
    policy: { credits: { refreshMs: 0 } },
  });
});
afterAll(async () => {
  await router.close();
  await provider.close();
});

const ask = (content: string) => ({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user" as const, content: `${content} ${"context ".repeat(40)}` }],
});
const options = { only: ["local:backup"] };

describe("cached and reasoning tokens in the ledger", () => {
  it("prices them itself when the upstream reports no cost, as genai-prices would", async () => {
    const { response, routing } = await router.chat(ask("unpriced"), options);
    await router.flush();
    const usage = response.usage!;
    expect(usage.cost).toBeUndefined();
    const [attempt, request] = ledger.forRequest(routing.requestId);
    expect(attempt).toMatchObject({ cachedTokens: 30, reasoningTokens: 25, upstreamCostUsd: null });
    expect(Math.round(attempt!.costUsd * 1e6)).toBe(Math.round(libraryCost(usage) * 1e6));
    expect(attempt!.pricedCostUsd).toBe(attempt!.costUsd);
    expect(request).toMatchObject({ costUsd: attempt!.costUsd, cachedTokens: 30, reasoningTokens: 25 });
    expect(routing).toMatchObject({ cachedTokens: 30, reasoningTokens: 25, costUsd: attempt!.costUsd });
  });

  it("charges the upstream's own cost when reported, keeping the catalog's price beside it", async () => {
    const { response, routing } = await router.chat(ask("reported"), options);
    await router.flush();
    const [attempt] = ledger.forRequest(routing.requestId);
    // The local provider does not discount cached tokens, so its figure is above the catalog's.
    expect(attempt!.costUsd).toBe(response.usage!.cost);
    expect(attempt!.upstreamCostUsd).toBe(response.usage!.cost);
    expect(Math.round(attempt!.pricedCostUsd! * 1e6)).toBe(Math.round(libraryCost(response.usage) * 1e6));
    expect(routing.upstreamCostUsd! - routing.pricedCostUsd!).toBeGreaterThan(0);
  });

  it("reads them from a stream's usage chunk", async () => {
    const stream = await router.stream(ask("unpriced"), options);
    for await (const _ of stream) {
      // drained
    }
    await router.flush();
    const rows = ledger.entries.filter((e) => e.operation === "stream");
    expect(rows.at(-1)).toMatchObject({ kind: "request", cachedTokens: 30, reasoningTokens: 25 });
    expect(rows.at(-1)!.pricedCostUsd).toBeGreaterThan(0);
  });
});
