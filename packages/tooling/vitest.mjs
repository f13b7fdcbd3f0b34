// One Vitest setup for every package: integration tests start real servers (the local provider with
// its embedding model, PGlite compiled to wasm), which takes seconds on a busy 2-core machine.
// Plain JavaScript: Vitest loads config dependencies from node_modules with Node itself.
import { defineConfig, mergeConfig } from "vitest/config";

/** @param {import("vitest/config").ViteUserConfig} [extra] */
export function defineTestConfig(extra = {}) {
  return mergeConfig(defineConfig({ test: { testTimeout: 30_000, hookTimeout: 90_000 } }), extra);
}
