// `pnpm router:eval`: the RouteLLM-method report for the committed weights on the held-out validation
// split, written to bench/results/router-eval.{md,json,svg}.
import { mkdirSync, writeFileSync } from "node:fs";
import { thresholdFor } from "../thresholdTarget.ts";
import { loadCommittedWeights } from "../weightsFile.ts";
import { appTrafficMarkdown, appTrafficSection } from "./appTrafficReport.ts";
import { curveChartSvg } from "./curveChart.ts";
import { dataSha256, embedRows, splitRows } from "./heldOut.ts";
import { evalReportMarkdown } from "./reportMarkdown.ts";
import { type CurvePoint, qualityCurve } from "./routerCurve.ts";
import { figuresBySource, scoredRows } from "./scoreRows.ts";

const RESULTS_DIR = new URL("../../../../bench/results/", import.meta.url).pathname;

const weights = loadCommittedWeights();
if (weights.training.dataSha256 !== dataSha256()) {
  console.error(
    "warning: data/train.jsonl differs from the file these weights were trained on; retrain first",
  );
}
const { validation } = splitRows(weights.training.seed, weights.training.validationShare);
const data = await embedRows(validation, "validation split");
const figures = figuresBySource(weights, data);
const scored = scoredRows(weights, data);

const dialChecks = [{ quality: 0.95 }, { strongShare: 0.3 }, { strongShare: 0.5 }].map((target) => {
  const threshold = thresholdFor(weights.thresholds, target);
  const bySource = figures.map(({ source, strongAccuracy }) => {
    const group = scored.filter((p) => p.source === source);
    const strong = group.filter((p) => p.score >= threshold);
    const correct = group.filter((p) => (p.score >= threshold ? p.strongCorrect : p.weakCorrect)).length;
    return {
      source,
      strongShare: strong.length / group.length,
      quality: correct / group.length,
      qualityVsStrongOnly: correct / group.length / strongAccuracy,
    };
  });
  return { target, threshold, bySource };
});

const todoTraffic = await appTrafficSection("todo", weights, scored);

const thinCurve = (curve: CurvePoint[]) =>
  Array.from({ length: 101 }, (_, i) => curve[Math.round((i / 100) * (curve.length - 1))]!);
const report = {
  generatedAt: new Date().toISOString(),
  method:
    "RouteLLM: send the top-scored share of prompts to the strong model; quality = strong_correct for those, weak_correct for the rest",
  weights: {
    target: weights.target,
    l2: weights.training.l2,
    trainRows: weights.training.trainRows,
    topics: weights.topics.centroids.length,
    domains: weights.domains.centroids.length,
  },
  crossValidation: weights.training.crossValidation.find(
    (entry) => entry.label === weights.target && entry.l2 === weights.training.l2,
  ),
  split: { seed: weights.training.seed, validationShare: weights.training.validationShare },
  sources: figures.map(({ curve, ...rest }) => ({ ...rest, curve: thinCurve(curve) })),
  dialChecks,
  appTraffic: [todoTraffic],
};

mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(`${RESULTS_DIR}router-eval.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  `${RESULTS_DIR}router-eval.svg`,
  curveChartSvg(
    figures.map((f) => ({
      title: `${f.source} (${f.prompts} held-out prompts)`,
      router: f.curve,
      oracle: qualityCurve(
        scored
          .filter((p) => p.source === f.source)
          .map((p) => ({ ...p, score: Number(p.strongCorrect) - Number(p.weakCorrect) })),
      ),
      weakAccuracy: f.weakAccuracy,
      strongAccuracy: f.strongAccuracy,
      strongShareAtTarget: f.strongShareAtTarget,
    })),
  ),
);
writeFileSync(
  `${RESULTS_DIR}router-eval.md`,
  `${evalReportMarkdown(report)}\n${appTrafficMarkdown(todoTraffic)}`,
);
for (const f of figures) {
  console.log(
    `${f.source}: strong share at 95% ${f.strongShareAtTarget.toFixed(3)} (random ${f.randomStrongShareAtTarget.toFixed(3)}), APGR ${f.apgr.toFixed(3)}`,
  );
}
for (const stop of todoTraffic.stops) {
  console.log(
    `todo ${stop.name}: held-out recall of strong ${stop.heldOut.recall.toFixed(3)}, strong share ${stop.heldOut.strongShare.toFixed(3)}`,
  );
}
console.log(`wrote ${RESULTS_DIR}router-eval.{md,json,svg}`);
