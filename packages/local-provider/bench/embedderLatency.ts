// `pnpm --filter @switchyard/local-provider bench`: one-text embedding latency by text length, TensorFlow.js
// (wasm) against onnxruntime (native CPU) with 1 and 2 threads, in one process and interleaved, so a busy
// shared machine slows every variant alike. Writes bench/results/embedder-latency.{json,md} at the repo root.
import { writeFileSync } from "node:fs";
import { machineFacts, machineFactsMarkdown, percentileSorted } from "@switchyard/measure";
import { createOnnxEmbedder } from "../src/onnxEmbedder.ts";
import { createTfjsEmbedder } from "../src/tfjsEmbedder.ts";
import { readUseLiteVocabulary } from "../src/useLiteModelFiles.ts";
import { createUseLiteTokenizer } from "../src/useLiteTokenizer.ts";

const OUT = new URL("../../../bench/results/", import.meta.url).pathname;
const ROUNDS = 40;
const LENGTHS = [10, 50, 200, 500, 1000];
const PROSE =
  "A train yard sorts cars onto the right tracks before they leave. In the same way, a router looks at each request, " +
  "guesses how hard it is, and sends it to a cheap model or a strong one. Short questions such as what is two plus two " +
  "rarely need the strong model; a multi-step proof, a long piece of code to refactor, or a plan with many constraints " +
  "often does. The classifier reads the prompt's sentence embedding and a few cheap features, and returns a score with " +
  "its reasons, so the application can show why a model was chosen. Every choice is written to the ledger with its cost, " +
  "latency and outcome, and that history becomes the training data for the next version of the classifier. ";
const text = (chars: number) => PROSE.repeat(Math.ceil(chars / PROSE.length)).slice(0, chars);

const machine = machineFacts();
const tokenizer = createUseLiteTokenizer(readUseLiteVocabulary());
const variants = [
  { name: "tensorflow.js wasm", embedder: await createTfjsEmbedder() },
  { name: "onnxruntime, 1 thread", embedder: await createOnnxEmbedder({ threads: 1 }) },
  { name: "onnxruntime, 2 threads", embedder: await createOnnxEmbedder({ threads: 2 }) },
];
const samples = new Map<string, number[]>();
// CPU time of the whole process: for a one-thread run it is close to what the wall time would be on an
// idle machine; for two threads it adds both.
const cpuSamples = new Map<string, number[]>();
for (const v of variants) await v.embedder.embed([text(200)]);
for (let round = 0; round < ROUNDS; round++) {
  for (const chars of LENGTHS) {
    for (const v of variants) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await v.embedder.embed([text(chars)]);
      const key = `${v.name}|${chars}`;
      samples.set(key, [...(samples.get(key) ?? []), performance.now() - start]);
      const used = process.cpuUsage(cpu);
      cpuSamples.set(key, [...(cpuSamples.get(key) ?? []), (used.user + used.system) / 1000]);
    }
  }
}

const rows = LENGTHS.flatMap((chars) =>
  variants.map((v) => {
    const sorted = [...(samples.get(`${v.name}|${chars}`) ?? [])].sort((a, b) => a - b);
    const cpu = [...(cpuSamples.get(`${v.name}|${chars}`) ?? [])].sort((a, b) => a - b);
    const tokens = tokenizer.encodeFirst(text(chars), 128).length;
    return {
      chars,
      tokens,
      variant: v.name,
      p50: percentileSorted(sorted, 50),
      p95: percentileSorted(sorted, 95),
      cpuP50: percentileSorted(cpu, 50),
    };
  }),
);
const report = {
  machine,
  rounds: ROUNDS,
  rows,
};
writeFileSync(`${OUT}embedder-latency.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  `${OUT}embedder-latency.md`,
  [
    "# Local embedding latency by text length",
    "",
    `One text per call, ${ROUNDS} rounds, variants interleaved in one process. Tokens are what the model reads (it stops at 128).`,
    "",
    "| chars | tokens | runtime | p50 ms | p95 ms | CPU p50 ms |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.chars} | ${r.tokens} | ${r.variant} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.cpuP50.toFixed(2)} |`,
    ),
    "",
    "## Machine",
    "",
    machineFactsMarkdown(machine),
    "",
  ].join("\n"),
);
console.log(`wrote ${OUT}embedder-latency.md`);
