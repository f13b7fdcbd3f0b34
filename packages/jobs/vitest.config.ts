// The repo's one Vitest setup (packages/tooling/vitest.mjs).
import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig();
