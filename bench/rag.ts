// pnpm bench:rag [--quick]
// Retrieval latency of the todo app's hybrid search (pgvector HNSW + full text, RRF) in embedded PGlite
// at 1k and 10k todos, after the query embedding and including it, and recall@10 of the HNSW vector arm
// against exact search. Writes bench/results/rag.{md,json,svg}.
import { embedTexts } from "@switchyard/local-provider/embedder";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";
import { openBenchStack } from "./rag/benchStack.ts";
import { measureSize, type SizeFigures } from "./rag/measureSize.ts";
import { ragReport } from "./rag/ragReport.ts";
import { synthesiseTodos } from "./rag/synthesiseTodos.ts";
import { benchQueries, todoSentences } from "./rag/todoCorpus.ts";

const flags = parseFlags(z.object({ quick: z.boolean().default(false) }), { quick: { type: "boolean" } });
const sizes = [1_000, 10_000];
const samples = flags.quick ? 60 : 300;

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
const synthetic = synthesiseTodos(
  baseSentences.map((s, i) => ({ text: s.text, embedding: baseVectors[i]! })),
  sizes.at(-1)!,
);

const stack = await openBenchStack();
const results: SizeFigures[] = [];
try {
  let loaded = 0;
  for (const size of sizes) {
    const load = await stack.load(synthetic.slice(loaded, size));
    loaded = size;
    console.log(`loaded ${size} todos (index built in ${load.indexSeconds.toFixed(1)} s); measuring…`);
    results.push(
      await measureSize(stack, size, load, {
        queries: queryTexts.map((text, i) => ({ text, vector: queryVectors[i]! })),
        samples,
        embedQueries: benchQueries,
      }),
    );
  }
} finally {
  await stack.close();
}

const report = ragReport({
  machine,
  results,
  samples,
  corpus: {
    baseSentences: baseSentences.length,
    queries: queryTexts.length,
    realQueries: benchQueries.length,
    embedSeconds,
  },
});
for (const file of writeReport(report)) console.log(`wrote ${file}`);
