#!/usr/bin/env node
// The two commands of the README. Plain Node with no dependencies, because it runs before anything
// is installed: `npm run dev` and `npm test` both land here.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBubblewrap } from "./bubblewrap.mjs";
import { ensureChromium } from "./chromium.mjs";
import { runDev } from "./dev.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const pinned = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")).packageManager.split("@")[1];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  return r.status ?? 1;
}

function pnpmVersion(cmd) {
  const r = spawnSync(cmd, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Returns the argv prefix that runs the pinned pnpm, installing it if it is missing. */
function ensurePnpm() {
  if (pnpmVersion("pnpm") === pinned) return ["pnpm"];
  console.log(`[switchyard] installing pnpm@${pinned} (npm i -g)`);
  if (
    run("npm", ["install", "-g", "--no-fund", "--no-audit", `pnpm@${pinned}`]) === 0 &&
    pnpmVersion("pnpm") === pinned
  )
    return ["pnpm"];
  // No write access to the global prefix: run it through npx instead.
  console.log(`[switchyard] global install failed; using npx pnpm@${pinned}`);
  return ["npx", "--yes", `pnpm@${pinned}`];
}

function pnpm(prefix, args) {
  const [cmd, ...rest] = prefix;
  return run(cmd, [...rest, ...args]);
}

function step(name, code) {
  if (code !== 0) {
    console.error(`\n[switchyard] ${name} failed (exit ${code})`);
    process.exit(code);
  }
}

const command = process.argv[2];
const pnpmCmd = ensurePnpm();
step("install", pnpm(pnpmCmd, ["install", ...(process.env.CI ? ["--frozen-lockfile"] : [])]));

if (command === "dev") {
  // Plan & build refuses to run generated code without bubblewrap; everything else works without it.
  ensureBubblewrap();
  await runDev({ root });
} else if (command === "test") {
  const started = Date.now();
  process.env.CHROMIUM_PATH = ensureChromium();
  if (!ensureBubblewrap() && process.env.SANDBOX_ALLOW_WEAK !== "1") process.exit(1);
  step("lint", pnpm(pnpmCmd, ["run", "lint"]));
  step(
    "type-check and unit/integration tests",
    pnpm(pnpmCmd, ["exec", "turbo", "run", "typecheck", "test", "--concurrency=2", "--continue"]),
  );
  step("browser tests", pnpm(pnpmCmd, ["exec", "turbo", "run", "e2e", "--concurrency=1", "--continue"]));
  console.log(`\n[switchyard] all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
} else {
  console.error("usage: switchyard.mjs dev|test");
  process.exit(2);
}
