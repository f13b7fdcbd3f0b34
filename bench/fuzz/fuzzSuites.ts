// The fuzz suites `pnpm bench:fuzz` runs: the same *.fuzz.test.ts files `npm test` runs, each in its own
// vitest process with more runs, each writing its report where FUZZ_OUT points.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FuzzSuiteReport } from "@switchyard/tooling/fuzz";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface FuzzSuite {
  name: string;
  /** The package folder vitest runs in, from the repo root. */
  dir: string;
  file: string;
  /** Runs per route relative to the apps' (the router's handler answers in memory: it can take more). */
  runsFactor: number;
}

export const FUZZ_SUITES: FuzzSuite[] = [
  { name: "todo", dir: "apps/todo", file: "app/routes.fuzz.test.ts", runsFactor: 1 },
  { name: "images", dir: "apps/images", file: "app/routes.fuzz.test.ts", runsFactor: 1 },
  { name: "router", dir: "packages/router", file: "src/http/handler.fuzz.test.ts", runsFactor: 2 },
  { name: "gateway", dir: "apps/gateway", file: "src/gateway.fuzz.test.ts", runsFactor: 1 },
];

export interface SuiteRun {
  report: FuzzSuiteReport | null;
  /** vitest's exit code: 1 when the property failed (the report still holds every figure). */
  exitCode: number | null;
  wallSeconds: number;
}

/** Runs one suite with `runs` inputs a route; its vitest output goes to this terminal. */
export function runSuite(suite: FuzzSuite, runs: number, seed: number, outDir: string): Promise<SuiteRun> {
  const out = path.join(outDir, `${suite.name}.json`);
  const started = performance.now();
  const child = spawn("pnpm", ["exec", "vitest", "run", suite.file], {
    cwd: path.join(repoRoot, suite.dir),
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_OUT: out },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const report = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as FuzzSuiteReport) : null;
      resolve({ report, exitCode: code, wallSeconds: (performance.now() - started) / 1000 });
    });
  });
}
