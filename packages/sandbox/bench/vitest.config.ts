// The sandbox's cost benchmark runs through Vitest (the package has no other TypeScript runner), apart
// from the tests: `pnpm --filter @switchyard/sandbox bench`.
import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig({ test: { include: ["bench/*.bench.ts"], testTimeout: 600_000 } });
