// Browser tests of plan & build with its workers in a process of their own (SWITCHYARD_WORKERS=separate):
// the embedded database served over the wire (so the app and the workers share it), the app started
// without workers, and specs that start, kill and restart `worker.ts` themselves.
// Run: pnpm --filter @switchyard/todo exec playwright test -c e2e/workers.config.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { defineAppE2EConfig } from "@switchyard/tooling/playwright";

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const pglitePort = Number(process.env.E2E_PGLITE_PORT ?? 5533);
const databaseUrl = `postgres://postgres@127.0.0.1:${pglitePort}/postgres`;
process.env.E2E_DATABASE_URL = databaseUrl;
process.env.E2E_PGLITE_DIR ??= mkdtempSync(join(tmpdir(), "switchyard-e2e-pglite-"));

const base = defineAppE2EConfig({
  appDir,
  appPort: Number(process.env.E2E_APP_PORT ?? 3102),
  providerPort: Number(process.env.E2E_PROVIDER_PORT ?? 4112),
});
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];

export default defineConfig({
  ...base,
  testDir: join(appDir, "e2e", "workers"),
  testIgnore: [],
  timeout: 240_000,
  webServer: [
    {
      command: "pnpm --filter @switchyard/db serve",
      port: pglitePort,
      env: { PGLITE_PORT: String(pglitePort), SWITCHYARD_DATA_DIR: process.env.E2E_PGLITE_DIR },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    ...servers.map((server) =>
      server.command.includes("next start")
        ? { ...server, env: { ...server.env, DATABASE_URL: databaseUrl, SWITCHYARD_WORKERS: "separate" } }
        : server,
    ),
  ],
});
