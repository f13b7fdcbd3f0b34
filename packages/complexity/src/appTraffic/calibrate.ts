// `pnpm --filter @switchyard/complexity calibrate`: chooses each dial stop's threshold for the todo app
// from the tune part of its labelled traffic (never the held-out part) and writes data/app-traffic/todo.dial.json.
import { readFileSync, writeFileSync } from "node:fs";
import type { AppDial } from "../appDialFile.ts";
import { loadCommittedWeights } from "../weightsFile.ts";
import { APP_TRAFFIC_DIR, appTrafficFile, sha256Hex } from "./appTrafficSet.ts";
import { DIAL_CONFIDENCE, stopFigures, thresholdForMissRate } from "./dialStops.ts";
import { scoreAppTraffic } from "./scoreAppTraffic.ts";

export const WEIGHTS_FILE = new URL("../../complexity.weights.json", import.meta.url).pathname;

// From cheapest to best; the owner reads each as "miss at most 1 in N questions that need reasoning".
const STOPS = [
  { name: "cheapest", maxMissRate: 1 / 5 },
  { name: "balanced", maxMissRate: 1 / 20 },
  { name: "best", maxMissRate: 1 / 100 },
];
const APP = "todo";

const scored = await scoreAppTraffic(APP, loadCommittedWeights());
const tune = scored.filter((q) => !q.heldOut);
const dial: AppDial = {
  app: APP,
  defaultStop: "balanced",
  stops: STOPS.map((stop) => {
    const threshold = thresholdForMissRate(tune, stop.maxMissRate);
    const { recall, strongShare, missed } = stopFigures(tune, threshold);
    return { ...stop, threshold, tune: { recall, strongShare, missed } };
  }),
  calibration: {
    rule: "split-conformal: the highest threshold at which new strong-labelled questions are missed at most maxMissRate of the time, with the stated confidence, judged from the tune part's strong-labelled scores",
    confidence: DIAL_CONFIDENCE,
    setSha256: sha256Hex(readFileSync(appTrafficFile(APP))),
    weightsSha256: sha256Hex(readFileSync(WEIGHTS_FILE)),
    tuneQuestions: tune.length,
    tuneStrong: tune.filter((q) => q.label === "strong").length,
  },
};
writeFileSync(`${APP_TRAFFIC_DIR}${APP}.dial.json`, `${JSON.stringify(dial, null, 2)}\n`);
for (const stop of dial.stops) {
  console.log(
    `${stop.name}: threshold ${stop.threshold.toFixed(3)}, tune recall ${stop.tune.recall.toFixed(3)}, strong share ${stop.tune.strongShare.toFixed(3)}`,
  );
}
