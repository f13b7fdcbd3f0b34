// The app-traffic section of `pnpm router:eval`: how each app's dial routes its held-out questions
// (AUC, recall of strong-labelled questions, strong share per stop), beside today's exam-calibrated
// threshold, and what the app's default stop does to the exam figures.
import { readFileSync } from "node:fs";
import { loadAppDial } from "../appDial.ts";
import { appTrafficFile, sha256Hex } from "../appTraffic/appTrafficSet.ts";
import { type LabelledScore, rocAuc, type StopFigures, stopFigures } from "../appTraffic/dialStops.ts";
import { scoreAppTraffic } from "../appTraffic/scoreAppTraffic.ts";
import { DEFAULT_TARGET, thresholdFor } from "../thresholdTarget.ts";
import type { ComplexityWeights } from "../weightsFile.ts";
import type { ScoredRow } from "./scoreRows.ts";

export interface AppTrafficSection {
  app: string;
  heldOutQuestions: number;
  heldOutStrong: number;
  aucHeldOut: number;
  aucTune: number;
  defaultStop: string;
  stale: boolean;
  stops: { name: string; maxMissRate: number; threshold: number; heldOut: StopFigures; tune: StopFigures }[];
  /** The exam-calibrated default threshold ({ quality: 0.95 }) on the same held-out questions. */
  examDefault: { threshold: number; heldOut: StopFigures };
  /** The smallest strong share of held-out questions that reaches 95% recall with these scores. */
  lowestStrongShareFor95Recall: number;
  /** The app's default stop on the exam held-out split, per source. */
  defaultStopOnExams: { source: string; strongShare: number; qualityVsStrongOnly: number }[];
}

function lowestShareForRecall(questions: readonly LabelledScore[], recall: number): number {
  const strongScores = questions.filter((q) => q.label === "strong").map((q) => q.score);
  const needed = Math.ceil(recall * strongScores.length);
  const threshold = strongScores.sort((a, b) => b - a)[needed - 1] ?? 1;
  return stopFigures(questions, threshold).strongShare;
}

export async function appTrafficSection(
  app: string,
  weights: ComplexityWeights,
  examRows: readonly ScoredRow[],
): Promise<AppTrafficSection> {
  const dial = loadAppDial(app);
  const scored = await scoreAppTraffic(app, weights);
  const heldOut = scored.filter((q) => q.heldOut);
  const tune = scored.filter((q) => !q.heldOut);
  const defaultThreshold = dial.stops.find((s) => s.name === dial.defaultStop)!.threshold;
  const examThreshold = thresholdFor(weights.thresholds, DEFAULT_TARGET);
  const sources = [...new Set(examRows.map((row) => row.source))].sort();
  return {
    app,
    heldOutQuestions: heldOut.length,
    heldOutStrong: heldOut.filter((q) => q.label === "strong").length,
    aucHeldOut: rocAuc(heldOut),
    aucTune: rocAuc(tune),
    defaultStop: dial.defaultStop,
    stale:
      dial.calibration.setSha256 !== sha256Hex(readFileSync(appTrafficFile(app))) ||
      dial.calibration.weightsSha256 !==
        sha256Hex(readFileSync(new URL("../../complexity.weights.json", import.meta.url).pathname)),
    stops: dial.stops.map((stop) => ({
      name: stop.name,
      maxMissRate: stop.maxMissRate,
      threshold: stop.threshold,
      heldOut: stopFigures(heldOut, stop.threshold),
      tune: stopFigures(tune, stop.threshold),
    })),
    examDefault: { threshold: examThreshold, heldOut: stopFigures(heldOut, examThreshold) },
    lowestStrongShareFor95Recall: lowestShareForRecall(heldOut, 0.95),
    defaultStopOnExams: sources.map((source) => {
      const group = examRows.filter((row) => row.source === source);
      const strongAccuracy = group.filter((row) => row.strongCorrect).length / group.length;
      const routed = group.map((row) =>
        row.score >= defaultThreshold ? row.strongCorrect : row.weakCorrect,
      );
      return {
        source,
        strongShare: group.filter((row) => row.score >= defaultThreshold).length / group.length,
        qualityVsStrongOnly: routed.filter(Boolean).length / group.length / strongAccuracy,
      };
    }),
  };
}

const f3 = (x: number) => x.toFixed(3);
const oneIn = (rate: number) => `miss at most 1 in ${Math.round(1 / rate)}`;

export function appTrafficMarkdown(section: AppTrafficSection): string {
  const row = (name: string, target: string, threshold: number, held: StopFigures, tune?: StopFigures) =>
    `| ${name} | ${target} | ${f3(threshold)} | **${f3(held.recall)}** (${held.strongLabelled - held.missed}/${held.strongLabelled}) | **${f3(held.strongShare)}** | ${tune ? f3(tune.recall) : "-"} | ${tune ? f3(tune.strongShare) : "-"} |`;
  return [
    `## App traffic: the ${section.app} app's dial`,
    "",
    `${section.heldOutQuestions} held-out questions of \`packages/complexity/data/app-traffic/${section.app}.jsonl\` ` +
      `(${section.heldOutStrong} labelled strong by the rubric in \`packages/complexity/data/app-traffic/RUBRIC.md\`), never used to choose a threshold. ` +
      `The stops' thresholds come from the tune part only. AUC (chance a strong-labelled question outscores a fast one): ` +
      `held-out **${f3(section.aucHeldOut)}**, tune ${f3(section.aucTune)}.` +
      (section.stale
        ? " **Warning: the dial was calibrated on another traffic set or weights file; recalibrate.**"
        : ""),
    "",
    "| stop | target | threshold | held-out recall of strong | held-out strong share | tune recall | tune strong share |",
    "|---|---|---|---|---|---|---|",
    ...section.stops.map((stop) =>
      row(
        stop.name === section.defaultStop ? `${stop.name} (default)` : stop.name,
        oneIn(stop.maxMissRate),
        stop.threshold,
        stop.heldOut,
        stop.tune,
      ),
    ),
    row(
      "exam default (before)",
      "quality 0.95 of strong-only on exams",
      section.examDefault.threshold,
      section.examDefault.heldOut,
    ),
    "",
    `With these scores, the smallest strong share of held-out questions that reaches 95% recall is ` +
      `${f3(section.lowestStrongShareFor95Recall)} (what a threshold chosen by looking at them would need); any excess of the ` +
      "default stop's share over it is the price of choosing its threshold without seeing them.",
    "",
    `The exam figures are unchanged: the weights were not retrained, so the strong share at 95% of strong-only quality ` +
      "above is the same. Routing the exam held-out split at the todo app's default stop instead: " +
      section.defaultStopOnExams
        .map(
          (s) =>
            `${s.source} strong share ${f3(s.strongShare)}, quality ${f3(s.qualityVsStrongOnly)} of strong-only`,
        )
        .join("; ") +
      ".",
    "",
  ].join("\n");
}
