// `pnpm router:train`: cross-validates on the training part, fits, writes complexity.weights.json and
// prints the held-out validation figures (the validation rows are never used to choose anything).
import { writeFileSync } from "node:fs";
import { dataSha256, embedRows, SPLIT_SEED, splitRows, VALIDATION_SHARE } from "../evaluation/heldOut.ts";
import { figuresBySource } from "../evaluation/scoreRows.ts";
import { trainComplexityModel } from "./trainModel.ts";

const COMMITTED_WEIGHTS_FILE = new URL("../../complexity.weights.json", import.meta.url).pathname;

const { train, validation } = splitRows();
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
