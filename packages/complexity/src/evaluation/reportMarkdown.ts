import { STRUCTURAL_FEATURES } from "../features.ts";
import type { RoutingTarget } from "../thresholdTarget.ts";
import type { RouterFigures } from "./routerCurve.ts";

export interface EvalReport {
  generatedAt: string;
  weights: { target: string; l2: number; trainRows: number; topics: number; domains: number };
  /** Out-of-fold figures of the chosen configuration on the training part (from the weights file). */
  crossValidation: Record<string, string | number | boolean> | undefined;
  split: { seed: number; validationShare: number };
  sources: (RouterFigures & { source: string })[];
  dialChecks: {
    target: RoutingTarget;
    threshold: number;
    bySource: { source: string; strongShare: number; quality: number; qualityVsStrongOnly: number }[];
  }[];
}

/** RouteLLM's published figures at 95% of strong-only quality, for comparison. */
const ROUTELLM_REPORTED: Record<string, number> = { gsm8k: 0.65, mmlu: 0.55 };
const GOALS: Record<string, number> = { gsm8k: 0.6, mmlu: 0.5 };

const f3 = (x: number) => x.toFixed(3);
const describeTarget = (target: RoutingTarget) =>
  "quality" in target ? `quality ${target.quality} of strong-only` : `strong share ${target.strongShare}`;

export function evalReportMarkdown(report: EvalReport): string {
  const rows = report.sources.map(
    (s) =>
      `| ${s.source} | ${s.prompts} | ${f3(s.weakAccuracy)} | ${f3(s.strongAccuracy)} | **${f3(s.strongShareAtTarget)}** | ${f3(s.randomStrongShareAtTarget)} | ${ROUTELLM_REPORTED[s.source] ?? "-"} | ${GOALS[s.source] ?? "-"} | ${f3(s.oracleStrongShareAtTarget)} | **${f3(s.apgr)}** |`,
  );
  const dial = report.dialChecks.flatMap((check) =>
    check.bySource.map(
      (s) =>
        `| ${describeTarget(check.target)} | ${f3(check.threshold)} | ${s.source} | ${f3(s.strongShare)} | ${f3(s.quality)} | ${f3(s.qualityVsStrongOnly)} |`,
    ),
  );
  return [
    "# Complexity router: RouteLLM-method evaluation",
    "",
    `Generated ${report.generatedAt} by \`pnpm router:eval\` (package @switchyard/complexity). Held-out validation split: ` +
      `${Math.round(report.split.validationShare * 100)}% of data/train.jsonl, stratified by source, seed ${report.split.seed}, ` +
      `never used for training, model selection or threshold calibration. Model: logistic regression on ` +
      `${STRUCTURAL_FEATURES.length} structural features, the prompt's memberships in ${report.weights.topics} topics of the ` +
      `512-d local embedding, and each structural feature weighted by ${report.weights.domains} coarse domains; label ` +
      `\`${report.weights.target}\`, L2 ${report.weights.l2}, ${report.weights.trainRows} training prompts.`,
    "",
    "Method: the router scores each prompt; the top-scored share goes to the strong model (GPT-4-1106 in this data), the " +
      "rest to the weak one (Mixtral-8x7B). Quality at a share = mean of `strong_correct` for prompts sent strong and " +
      "`weak_correct` for the rest. The headline is the smallest strong share reaching 95% of strong-only accuracy " +
      "(lower is better); APGR is the average share of the weak-to-strong quality gap recovered over all shares (random 0.5).",
    "",
    "| source | prompts | weak acc. | strong acc. | strong share at 95% | random | RouteLLM reported | goal | oracle | APGR |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...(report.crossValidation
      ? [
          "Cross-validation on the training part (out-of-fold scores, same configuration; a second, larger sample " +
            "of unseen prompts): " +
            report.sources
              .map(
                (s) =>
                  `${s.source} strong share at 95% ${f3(Number(report.crossValidation?.[`${s.source}StrongShareAt95`]))}, ` +
                  `APGR ${f3(Number(report.crossValidation?.[`${s.source}Apgr`]))}`,
              )
              .join("; ") +
            ".",
          "",
        ]
      : []),
    "![Quality vs strong share](router-eval.svg)",
    "",
    "## The dial on held-out prompts",
    "",
    "Thresholds were calibrated on out-of-fold scores of the training part; here is what they do on the held-out split.",
    "",
    "| target | threshold | source | strong share | quality | quality / strong-only |",
    "|---|---|---|---|---|---|",
    ...dial,
    "",
    "Caveat: both benchmarks are one weak/strong pair on exam-style questions; on other traffic the curve will differ, " +
      "which is why the README explains how to retrain on your own graded prompts.",
    "",
  ].join("\n");
}
