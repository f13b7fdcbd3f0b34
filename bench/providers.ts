// pnpm bench:providers [--quick] [--requests N] [--concurrency N] [--max-tokens N] [--prompts file.json]
//                      [--endpoints a,b] [--offline]
// Streams the same workload to every configured endpoint and reports what a user would feel: time to
// first token, total latency and tokens/s (p50/p95/p99), error rate and cost per 1k requests.
// Offline (no keys, or --offline) it runs the local provider's provider-emulating endpoints; with
// OPENROUTER_API_KEY / OPENAI_API_KEY set, the real providers. Writes bench/results/providers.{md,json,svg}.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { type StartedChild, startChild } from "./lib/childProcess.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";
import { endpointFigures } from "./providers/endpointFigures.ts";
import { type BenchTarget, offlineTarget, realTarget } from "./providers/endpointPlans.ts";
import { loadPrompts } from "./providers/prompts.ts";
import { providersReport } from "./providers/providersReport.ts";
import { runWorkload } from "./providers/runWorkload.ts";

const count = z.coerce.number().int().positive();
const flags = parseFlags(
  z.object({
    quick: z.boolean().default(false),
    offline: z.boolean().default(false),
    requests: count.optional(),
    concurrency: count.optional(),
    "max-tokens": count.default(256),
    prompts: z.string().min(1).optional(),
    endpoints: z.string().min(1).optional(),
  }),
  {
    quick: { type: "boolean" },
    offline: { type: "boolean" },
    requests: { type: "string" },
    concurrency: { type: "string" },
    "max-tokens": { type: "string" },
    prompts: { type: "string" },
    endpoints: { type: "string" },
  },
);

const here = path.dirname(fileURLToPath(import.meta.url));
const machine = machineFacts();
const hasKeys = Boolean(process.env.OPENROUTER_API_KEY || process.env.OPENAI_API_KEY);
let provider: StartedChild | null = null;
let target: BenchTarget;
if (hasKeys && !flags.offline) {
  target = realTarget(process.env);
} else {
  provider = await startChild(path.join(here, "providers/localProviderChild.ts"));
  target = offlineTarget(provider.url);
}

try {
  const wanted = flags.endpoints?.split(",").map((s) => s.trim());
  const plans = wanted ? target.plans.filter((p) => wanted.includes(p.name)) : target.plans;
  if (plans.length === 0) {
    throw new Error(`No endpoint to run. Available: ${target.plans.map((p) => p.name).join(", ")}`);
  }
  const prompts = loadPrompts(flags.prompts);
  const workload = {
    requestsPerEndpoint: flags.requests ?? (flags.quick ? 8 : 48),
    concurrency: flags.concurrency ?? 4,
    maxTokens: flags["max-tokens"],
    prompts,
  };
  console.log(
    `${target.live}: ${plans.map((p) => p.name).join(", ")} — ${workload.requestsPerEndpoint} requests each at concurrency ${workload.concurrency}`,
  );
  const samples = await runWorkload(target.router, plans, workload, (r, n) =>
    console.log(`  round ${r}/${n}`),
  );
  const endpoints = plans.map((p) => endpointFigures(p, samples.get(p.name) ?? []));
  for (const e of endpoints) {
    console.log(
      `  ${e.endpoint}: TTFT p95 ${e.ttft_ms.p95} ms, total p95 ${e.total_ms.p95} ms, ${e.tokens_per_second.p50} tok/s, errors ${e.errors}/${e.requests}`,
    );
  }
  const report = providersReport({
    machine,
    live: target.live,
    quick: flags.quick,
    workload: {
      requestsPerEndpoint: workload.requestsPerEndpoint,
      concurrency: workload.concurrency,
      maxTokens: workload.maxTokens,
      prompts: prompts.length,
      promptsFrom: flags.prompts
        ? path.basename(flags.prompts)
        : "the built-in set in bench/providers/prompts.ts",
    },
    endpoints,
  });
  for (const file of writeReport(report)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await target.router.close();
  await provider?.stop();
}
