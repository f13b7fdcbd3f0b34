// pnpm bench:rag [--quick] [--scenario=all|sizes|multi-tenant]
// Retrieval latency of the todo app's hybrid search (pgvector HNSW + full text, RRF) in embedded PGlite
// and recall@10 of its vector arm against exact search, in two scenarios: one owner's todos at 1k and
// 10k ("sizes"), and 100k todos across 1,000 owners, by class of owner ("multi-tenant"; --quick: 20k
// across 200). Writes bench/results/rag.{md,json,svg} with the scenarios that ran.
import { embedTexts } from "@switchyard/local-provider/embedder";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";
import { openBenchStack } from "./rag/benchStack.ts";
import { measureSize, type SizeFigures } from "./rag/measureSize.ts";
import { measureTenants } from "./rag/measureTenants.ts";
import { ragReport, type SizesInput } from "./rag/ragReport.ts";
import { synthesiseTodos } from "./rag/synthesiseTodos.ts";
import { sampledSmallOwners, tenantLayout } from "./rag/tenantCorpus.ts";
import type { TenantReportInput } from "./rag/tenantReport.ts";
import { openTenantStack } from "./rag/tenantStack.ts";
import { benchQueries, todoSentences } from "./rag/todoCorpus.ts";

const flags = parseFlags(
  z.object({
    quick: z.boolean().default(false),
    scenario: z.enum(["all", "sizes", "multi-tenant"]).default("all"),
  }),
  { quick: { type: "boolean" }, scenario: { type: "string" } },
);
const sizes = [1_000, 10_000];
const samples = flags.quick ? 60 : 300;
const tenants = flags.quick
  ? { todos: 20_000, users: 200, smallEvery: 2, warmUp: 60, controlQueries: 10 }
  : { todos: 100_000, users: 1_000, smallEvery: 10, warmUp: 200, controlQueries: 40 };

const machine = machineFacts();
// Real embeddings for the base sentences and the queries; held-out sentences are queries too.
const sentences = todoSentences(560);
const baseSentences = sentences.slice(0, 400);
const heldOut = sentences.slice(400).map((s) => s.text);
const started = performance.now();
const baseVectors = await embedTexts(baseSentences.map((s) => s.text));
const queryTexts = [...benchQueries, ...heldOut];
const queryVectors = await embedTexts(queryTexts);
const embedSeconds = (performance.now() - started) / 1000;
const base = baseSentences.map((s, i) => ({ text: s.text, embedding: baseVectors[i]! }));
const queries = queryTexts.map((text, i) => ({ text, vector: queryVectors[i]! }));

async function runSizes(): Promise<SizesInput> {
  const synthetic = synthesiseTodos(base, sizes.at(-1)!);
  const stack = await openBenchStack();
  const results: SizeFigures[] = [];
  try {
    let loaded = 0;
    for (const size of sizes) {
      const load = await stack.load(synthetic.slice(loaded, size));
      loaded = size;
      console.log(`loaded ${size} todos (index built in ${load.indexSeconds.toFixed(1)} s); measuring…`);
      results.push(await measureSize(stack, size, load, { queries, samples, embedQueries: benchQueries }));
    }
  } finally {
    await stack.close();
  }
  const corpus = {
    baseSentences: baseSentences.length,
    queries: queryTexts.length,
    realQueries: benchQueries.length,
    embedSeconds,
  };
  return { results, samples, corpus };
}

async function runMultiTenant(): Promise<TenantReportInput> {
  const layout = tenantLayout(tenants.todos, tenants.users);
  console.log(`multi-tenant: loading ${tenants.todos} todos across ${tenants.users} owners…`);
  const stack = await openTenantStack(base, layout, (line) => console.log(line));
  const options = {
    queries,
    smallOwners: sampledSmallOwners(layout, tenants.smallEvery),
    samples,
    warmUp: tenants.warmUp,
  };
  try {
    console.log(`indexes built in ${stack.load.indexSeconds.toFixed(1)} s; measuring the app's plan…`);
    const figures = await measureTenants(stack, { ...options, controlQueries: 0 });
    console.log("measuring one HNSW index over all owners (the plan before migration 0008)…");
    const globalIndexSeconds = await stack.oneIndexForAll();
    const oneIndexForAll = await measureTenants(stack, {
      ...options,
      controlQueries: tenants.controlQueries,
    });
    return { ...tenants, samples, load: stack.load, figures, oneIndexForAll, globalIndexSeconds };
  } finally {
    await stack.close();
  }
}

const report = ragReport({
  machine,
  sizes: flags.scenario === "multi-tenant" ? undefined : await runSizes(),
  multiTenant: flags.scenario === "sizes" ? undefined : await runMultiTenant(),
});
for (const file of writeReport(report)) console.log(`wrote ${file}`);
