// Chapter 1: LangChain's ChatOpenAI pointed at an OpenAI-compatible gateway, streaming, with usage and
// cost. Offline it talks to the local provider (started here on a random port), which speaks
// OpenRouter's wire; with OPENROUTER_API_KEY set, the same code talks to OpenRouter.
import type { AIMessageChunk } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter, MemoryLedgerSink } from "@switchyard/router";

const provider = await startLocalProvider();
const openRouterKey = process.env.OPENROUTER_API_KEY || undefined; // an empty variable counts as unset

// #region chat-openai
const llm = new ChatOpenAI({
  model: openRouterKey ? "anthropic/claude-3-haiku" : "local/sim-haiku",
  apiKey: openRouterKey ?? "unused-offline",
  configuration: { baseURL: openRouterKey ? "https://openrouter.ai/api/v1" : `${provider.url}/v1` },
  streamUsage: true, // asks for the usage chunk that ends the stream
});

const context = [
  "Todo: renew the passport before the trip to Lisbon (due Friday).",
  "Todo: buy milk and eggs.",
].join("\n");

let final: AIMessageChunk | undefined;
for await (const chunk of await llm.stream([
  ["system", `Answer from these notes only.\n${context}`],
  ["human", "What do I need before the trip?"],
])) {
  process.stdout.write(String(chunk.content)); // tokens as they arrive
  final = final ? final.concat(chunk) : chunk;
}
// #endregion
console.log();

// #region usage-and-cost
// Claude 3 Haiku's list price: $0.25 per million input tokens, $1.25 per million output tokens.
const usage = final?.usage_metadata;
const inputTokens = usage?.input_tokens ?? 0;
const outputTokens = usage?.output_tokens ?? 0;
const costUsd = (inputTokens * 0.25 + outputTokens * 1.25) / 1_000_000;
console.log(`usage: ${inputTokens} in, ${outputTokens} out -> $${costUsd.toFixed(6)}`);
// #endregion

// #region through-the-router
// The same client through Switchyard's router: model "auto" lets it pick the model, and the ledger
// records what it chose and what it cost.
const ledger = new MemoryLedgerSink();
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url, ledger });
const routed = new ChatOpenAI({
  model: "auto",
  apiKey: "unused",
  configuration: { baseURL: "http://switchyard/v1", fetch: router.fetch },
});
const answer = await routed.invoke([
  ["system", `Answer from these notes only.\n${context}`],
  ["human", "What do I need before the trip?"],
]);
await router.flush();
const request = ledger.entries.find((e) => e.kind === "request");
console.log(`router: ${String(answer.content).slice(0, 60)}…`);
console.log(
  `router: model ${request?.modelUsed} (tier ${request?.tier}, score ${request?.complexityScore?.toFixed(2)}), ` +
    `$${request?.costUsd.toFixed(6)}, ${Math.round(request?.latencyMs ?? 0)} ms`,
);
// #endregion

await router.close();
await provider.close();
