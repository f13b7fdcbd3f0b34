// Chapter 8: cached and reasoning tokens. The local provider reports them when a scripted answer
// asks, the way OpenAI and OpenRouter do; the router prices each kind at its own catalog rate,
// writes them to the ledger, and keeps the upstream's own figure beside its price when it sends one.
import { resolveProfiles, startLocalProvider } from "@switchyard/local-provider";
import { createRouter, MemoryLedgerSink } from "@switchyard/router";

// #region scripted-usage
// Two fixed answers from the simulated GPT-4o mini: 900 of the prompt's tokens read from the cache and
// 120 reasoning tokens. The second leaves usage.cost out, like a provider that does not price answers.
const usage = { cached_tokens: 900, reasoning_tokens: 120 };
const provider = await startLocalProvider({
  profiles: {
    ...resolveProfiles(),
    scripts: [
      { pattern: "^summarize", model: "local/sim-gpt-4o-mini", response: "Three points.", usage },
      {
        pattern: "^unpriced",
        model: "local/sim-gpt-4o-mini",
        response: "Three points.",
        usage: { ...usage, cost: false },
      },
    ],
  },
});
// #endregion
const ledger = new MemoryLedgerSink();
const router = createRouter({ localProviderUrl: provider.url, ledger });
const longPrompt = "The same long system prompt, sent again and again. ".repeat(110);

// #region token-kinds
for (const question of ["summarize the notes", "unpriced: summarize the notes"]) {
  const { routing } = await router.chat(
    {
      model: "openai/gpt-4o-mini",
      messages: [
        { role: "system", content: longPrompt },
        { role: "user", content: question },
      ],
    },
    { only: ["local:backup"] },
  );
  await router.flush();
  const row = ledger.forRequest(routing.requestId)[0]!; // the attempt's ledger row
  console.log(
    `${question.slice(0, 9).padEnd(9)} prompt ${row.promptTokens} (cached ${row.cachedTokens}), ` +
      `completion ${row.completionTokens} (reasoning ${row.reasoningTokens})`,
  );
  const upstream = row.upstreamCostUsd === null ? "none" : `$${row.upstreamCostUsd?.toFixed(6)}`;
  console.log(
    `          charged $${row.costUsd.toFixed(6)}: catalog price $${row.pricedCostUsd?.toFixed(6)}, upstream's own ${upstream}`,
  );
}
// #endregion

await router.close();
await provider.close();
