import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig();
