// pnpm bench:fuzz [--runs N] [--seed N]
// The fuzz suites of both apps and the router's handler with many more inputs than `npm test` sends
// (N a route, twice that for the router), merged into bench/results/fuzz.{md,json,svg}: routes, inputs,
// 5xx answers, rows written on rejection and the slowest 4xx. Exits 1 when the goal is not met.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { machineFacts } from "@switchyard/measure";
import { z } from "zod";
import { fuzzReport } from "./fuzz/fuzzReport.ts";
import { FUZZ_SUITES, runSuite } from "./fuzz/fuzzSuites.ts";
import { parseFlags } from "./lib/cliFlags.ts";
import { writeReport } from "./lib/report.ts";

const flags = parseFlags(
  z.object({
    runs: z.coerce.number().int().min(1).max(10_000).default(150),
    seed: z.coerce.number().int().min(1).default(20261203),
  }),
  { runs: { type: "string" }, seed: { type: "string" } },
);

const machine = machineFacts();
const outDir = mkdtempSync(path.join(tmpdir(), "bench-fuzz-"));
const suites = [];
try {
  // One suite at a time: on 2 cores, parallel suites would measure each other.
  for (const suite of FUZZ_SUITES) {
    const runsPerRoute = flags.runs * suite.runsFactor;
    console.log(`fuzzing ${suite.name}: ${runsPerRoute} inputs a route…`);
    suites.push({
      name: suite.name,
      runsPerRoute,
      run: await runSuite(suite, runsPerRoute, flags.seed, outDir),
    });
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const report = fuzzReport({ machine, runs: flags.runs, seed: flags.seed, suites });
for (const file of writeReport(report)) console.log(`wrote ${file}`);
const { goal } = report.json as { goal: { met: boolean } };
process.exit(goal.met ? 0 : 1);
