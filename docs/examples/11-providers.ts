// Chapter 11: benchmark providers before you commit, in miniature. Runs the provider benchmark's own
// harness (bench/providers) in-process against the local provider's provider-emulating endpoints, with
// 8 streamed requests per endpoint, and prints time to first token and whole-answer latency. It writes
// no report: `pnpm bench:providers` is the full run that writes bench/results/providers.md.
import { startLocalProvider } from "@switchyard/local-provider";
import { endpointFigures } from "../../bench/providers/endpointFigures.ts";
import { offlineTarget } from "../../bench/providers/endpointPlans.ts";
import { defaultPrompts } from "../../bench/providers/prompts.ts";
import { runWorkload } from "../../bench/providers/runWorkload.ts";

const provider = await startLocalProvider();

// #region measure
const target = offlineTarget(provider.url); // Sim OpenRouter, Sim Groq, Sim Together, Sim ZDR
const workload = { requestsPerEndpoint: 8, concurrency: 4, maxTokens: 256, prompts: defaultPrompts };
const samples = await runWorkload(target.router, target.plans, workload);
for (const plan of target.plans) {
  const f = endpointFigures(plan, samples.get(plan.name) ?? []);
  console.log(
    `${f.endpoint.padEnd(22)} TTFT p50 ${f.ttft_ms.p50} / p95 ${f.ttft_ms.p95} ms, ` +
      `total p95 ${f.total_ms.p95} ms, ${f.tokens_per_second.p50} tok/s, errors ${f.errors}/${f.requests}, ` +
      `p95 TTFT under 200 ms: ${f.ttft_p95_under_200ms ? "yes" : "no"}`,
  );
}
// #endregion

await target.router.close();
await provider.close();
