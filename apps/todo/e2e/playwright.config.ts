import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineAppE2EConfig } from "@switchyard/tooling/playwright";

export default {
  ...defineAppE2EConfig({
    appDir: dirname(dirname(fileURLToPath(import.meta.url))),
    appPort: Number(process.env.E2E_APP_PORT ?? 3100),
    providerPort: Number(process.env.E2E_PROVIDER_PORT ?? 4110),
  }),
  // Specs with workers in their own process run under workers.config.ts.
  testIgnore: ["**/workers/**"],
};
