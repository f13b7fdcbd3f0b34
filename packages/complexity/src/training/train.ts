// `pnpm router:train [--with-feedback]`: cross-validates on the training part, fits, writes
// complexity.weights.json and prints the held-out validation figures (the validation rows are never used
// to choose anything). --with-feedback adds the todo app's graded, shared questions from the database
// (DATABASE_URL, else the embedded store) to the training part only, as their own source.
import { writeFileSync } from "node:fs";
import { createDb } from "@switchyard/db";
import { dataSha256, embedRows, SPLIT_SEED, splitRows, VALIDATION_SHARE } from "../evaluation/heldOut.ts";
import { figuresBySource } from "../evaluation/scoreRows.ts";
import type { RouteEvalRow } from "./dataset.ts";
import { feedbackTrainingRows, MIN_FEEDBACK_ROWS } from "./feedbackRows.ts";
import { trainComplexityModel } from "./trainModel.ts";

const COMMITTED_WEIGHTS_FILE = new URL("../../complexity.weights.json", import.meta.url).pathname;

async function gradedFeedback(): Promise<RouteEvalRow[]> {
  const handle = await createDb({ cache: false });
  let rows: RouteEvalRow[];
  try {
    rows = await feedbackTrainingRows(handle.db, "todo");
    console.error(`feedback from ${handle.label}: ${rows.length} shared questions`);
  } finally {
    await handle.close();
  }
  const strong = rows.filter((row) => !row.weak_correct).length;
  if (rows.length < MIN_FEEDBACK_ROWS || strong === 0 || strong === rows.length) {
    console.error(
      `--with-feedback needs at least ${MIN_FEEDBACK_ROWS} shared questions graded both ways (here ${strong} ` +
        `strong, ${rows.length - strong} fast): the trainer weighs each source equally, so a few opinions ` +
        "would count as much as all of GSM8K. Nothing was trained.",
    );
    process.exit(2);
  }
  return rows;
}

const { train: examTrain, validation } = splitRows();
const feedback = process.argv.includes("--with-feedback") ? await gradedFeedback() : [];
const train = [...examTrain, ...feedback];
const trainSet = await embedRows(train, "training part");
const started = Date.now();
const weights = trainComplexityModel(
  trainSet.rows,
  trainSet.embeddings.map((v) => [...v]),
  {
    seed: SPLIT_SEED,
    validationShare: VALIDATION_SHARE,
    dataSha256: dataSha256(),
    log: (line) => console.log(`cv ${line}`),
  },
);
writeFileSync(COMMITTED_WEIGHTS_FILE, `${JSON.stringify(weights)}\n`);
console.log(
  `trained in ${Math.round((Date.now() - started) / 1000)} s: label ${weights.target}, l2 ${weights.training.l2} -> ${COMMITTED_WEIGHTS_FILE}`,
);

const validationSet = await embedRows(validation, "validation split");
for (const f of figuresBySource(weights, validationSet)) {
  console.log(
    `validation ${f.source} (${f.prompts} prompts): strong share at 95% = ${f.strongShareAtTarget.toFixed(3)} ` +
      `(random ${f.randomStrongShareAtTarget.toFixed(3)}, oracle ${f.oracleStrongShareAtTarget.toFixed(3)}), APGR ${f.apgr.toFixed(3)}`,
  );
}
