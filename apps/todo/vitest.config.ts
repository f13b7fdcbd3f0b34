import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig({ test: { include: ["lib/**/*.test.ts", "app/**/*.test.ts"] } });
