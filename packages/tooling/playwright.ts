// One Playwright setup for both apps: Debian's Chromium (Playwright may not download its own), the
// local provider and the built app started on test ports, a fresh embedded database per run, and every
// spec signed in as a member that the global setup signs up (e2eAuth.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { signedInStatePath } from "./e2eAuth.ts";

/** Signs the cookies of the test run's accounts; any fixed 32+ characters will do, never a real secret. */
const E2E_AUTH_SECRET = "switchyard-e2e-only-not-a-secret-0123456789";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function defineAppE2EConfig(opts: { appDir: string; appPort: number; providerPort: number }) {
  const providerUrl = `http://127.0.0.1:${opts.providerPort}`;
  const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "switchyard-e2e-"));
  process.env.E2E_DATA_DIR = dataDir; // workers re-evaluate this file: keep one folder per run
  process.env.E2E_PROVIDER_URL = providerUrl;
  return defineConfig({
    testDir: join(opts.appDir, "e2e"),
    fullyParallel: false,
    workers: 1,
    retries: 0,
    forbidOnly: !!process.env.CI,
    globalSetup: fileURLToPath(new URL("./e2eAuth.ts", import.meta.url)),
    timeout: 60_000,
    expect: { timeout: 15_000 },
    reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
    use: {
      baseURL: `http://127.0.0.1:${opts.appPort}`,
      storageState: signedInStatePath(),
      trace: "retain-on-failure",
      ...devices["Desktop Chrome"],
      launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
    },
    webServer: [
      {
        command: "pnpm --filter @switchyard/local-provider run start",
        url: `${providerUrl}/health`,
        env: { LOCAL_PROVIDER_PORT: String(opts.providerPort) },
        reuseExistingServer: false,
        timeout: 60_000,
      },
      {
        command: `pnpm exec next start --port ${opts.appPort} --hostname 127.0.0.1`,
        cwd: opts.appDir,
        url: `http://127.0.0.1:${opts.appPort}/api/health`,
        env: {
          LOCAL_PROVIDER_URL: providerUrl,
          SWITCHYARD_DATA_DIR: dataDir,
          DATABASE_URL: "",
          // `next start` would run as production: no demo account, Secure cookies that a plain-http test
          // origin may drop. "test" keeps both apps' accounts as in dev, with a fixed secret.
          NODE_ENV: "test",
          BETTER_AUTH_SECRET: E2E_AUTH_SECRET,
          BETTER_AUTH_URL: `http://127.0.0.1:${opts.appPort}`,
        },
        reuseExistingServer: false,
        timeout: 120_000,
      },
    ],
  });
}
