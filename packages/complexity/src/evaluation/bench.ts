// `pnpm --filter @switchyard/complexity bench`: classification latency with and without a precomputed
// embedding, on held-out prompts. Writes bench/results/router-eval-latency.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import { embeddingBackend, embedTexts } from "@switchyard/local-provider/embedder";
import { machineFacts, machineFactsMarkdown, percentileSorted, summarize } from "@switchyard/measure";
import { createComplexityClassifier } from "../classifier.ts";
import { splitRows } from "./heldOut.ts";

const RESULTS_DIR = new URL("../../../../bench/results/", import.meta.url).pathname;
const SAMPLE = 200;

const summary = (ms: number[]) => {
  const { p50, p95, max } = summarize(ms);
  return { p50, p95, max };
};

const machine = machineFacts();
const { validation } = splitRows();
// Every k-th held-out prompt, so the sample mixes GSM8K and MMLU lengths like the split does.
const prompts = validation
  .filter((_, i) => i % Math.ceil(validation.length / SAMPLE) === 0)
  .map((row) => row.prompt)
  .concat(["what is 2+2", "Write a haiku about spring.", "Summarise this paragraph in one sentence."]);
const classifier = createComplexityClassifier();
await classifier.classify({ messages: [{ role: "user", content: "warm up" }] });

const withEmbedding: number[] = [];
const computingEmbedding: number[] = [];
const embeddingOnly: number[] = [];
for (const prompt of prompts) {
  const messages = [{ role: "user" as const, content: prompt }];
  let start = performance.now();
  const [embedding] = await embedTexts([prompt]);
  embeddingOnly.push(performance.now() - start);
  start = performance.now();
  await classifier.classify({ messages, embedding });
  withEmbedding.push(performance.now() - start);
  start = performance.now();
  await classifier.classify({ messages });
  computingEmbedding.push(performance.now() - start);
}

const lengths = prompts.map((p) => p.length).sort((a, b) => a - b);
// Embedding cost grows with length, so the budget is reported for short chat-like prompts too.
const byLength = [
  { label: "up to 200 chars", max: 200 },
  { label: "201-600 chars", max: 600 },
  { label: "over 600 chars", max: Number.POSITIVE_INFINITY },
].map(({ label, max }, i, all) => {
  const min = i === 0 ? 0 : all[i - 1]!.max;
  const ms = computingEmbedding.filter((_, k) => prompts[k]!.length > min && prompts[k]!.length <= max);
  return { label, prompts: ms.length, computingEmbeddingMs: summary(ms) };
});
const report = {
  machine,
  embeddingBackend: await embeddingBackend(),
  prompts: prompts.length,
  promptChars: { p50: percentileSorted(lengths, 50), p95: percentileSorted(lengths, 95) },
  givenEmbeddingMs: summary(withEmbedding),
  computingEmbeddingMs: summary(computingEmbedding),
  embeddingAloneMs: summary(embeddingOnly),
  computingEmbeddingByLength: byLength,
};
const f = (x: number) => x.toFixed(2);
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(`${RESULTS_DIR}router-eval-latency.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  `${RESULTS_DIR}router-eval-latency.md`,
  [
    "# Complexity classifier latency",
    "",
    `One prompt at a time, ${report.prompts} held-out prompts (median ${report.promptChars.p50} chars, p95 ${report.promptChars.p95}).`,
    "",
    "| path | p50 ms | p95 ms | max ms | budget |",
    "|---|---|---|---|---|",
    `| given the 512-d embedding | ${f(report.givenEmbeddingMs.p50)} | ${f(report.givenEmbeddingMs.p95)} | ${f(report.givenEmbeddingMs.max)} | p95 <= 1 ms |`,
    `| computing the embedding itself | ${f(report.computingEmbeddingMs.p50)} | ${f(report.computingEmbeddingMs.p95)} | ${f(report.computingEmbeddingMs.max)} | p95 <= 20 ms |`,
    `| the local embedding alone | ${f(report.embeddingAloneMs.p50)} | ${f(report.embeddingAloneMs.p95)} | ${f(report.embeddingAloneMs.max)} | - |`,
    ...byLength.map(
      (b) =>
        `| computing the embedding, ${b.label} (${b.prompts} prompts) | ${f(b.computingEmbeddingMs.p50)} | ${f(b.computingEmbeddingMs.p95)} | ${f(b.computingEmbeddingMs.max)} | p95 <= 20 ms |`,
    ),
    "",
    `The embedding is USE-lite computed by ${report.embeddingBackend} (@switchyard/local-provider); ` +
      "the classifier's own work is the first row.",
    "",
    "## Machine",
    "",
    machineFactsMarkdown(machine),
    "",
  ].join("\n"),
);
console.log(JSON.stringify(report, null, 2));
