import { defineNextConfig } from "@switchyard/tooling/next";

export default defineNextConfig();
