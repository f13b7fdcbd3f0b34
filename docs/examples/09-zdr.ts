// Chapter 9: data policy. Asks the router for zero-data-retention endpoints only, shows what that
// removes from the catalog, and measures what it costs in latency on the local provider's profiles
// (`zdr` is set up slower than `primary`, as ZDR endpoints often are; real figures need real keys).
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter, isRouterError } from "@switchyard/router";

process.env.SWITCHYARD_LOG_LEVEL ??= "error"; // failed requests are logged at "warn" (chapter 8)
const provider = await startLocalProvider();
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url });
const ask = {
  model: "fast",
  messages: [{ role: "user" as const, content: "Summarise: the patient's follow-up is on Tuesday." }],
};

// #region zdr-only
const { routing } = await router.chat(ask, { zdrOnly: true });
console.log(`zdrOnly: served by ${routing.endpoint}; candidates ${routing.fallbackChain.join(", ")}`);

try {
  await router.chat({ ...ask, model: "openai/gpt-4o-mini" }, { zdrOnly: true });
} catch (error) {
  if (!isRouterError(error)) throw error;
  console.log(`gpt-4o-mini with zdrOnly: ${error.code}, removed ${JSON.stringify(error.details?.removed)}`);
}
// #endregion

// #region latency-cost
async function timeToFirstToken(zdrOnly: boolean): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const stream = router.stream(ask, { zdrOnly });
    for await (const _ of stream);
    samples.push((await stream.result).routing.ttftMs ?? Number.NaN);
  }
  return samples.sort((a, b) => a - b);
}
const median = (xs: number[]) => Math.round(xs[Math.floor(xs.length / 2)]!);
const open = await timeToFirstToken(false);
const zdr = await timeToFirstToken(true);
console.log(`time to first token, median of 5: any endpoint ${median(open)} ms, ZDR only ${median(zdr)} ms`);
// #endregion

await router.close();
await provider.close();
