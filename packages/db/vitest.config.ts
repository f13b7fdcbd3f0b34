import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Opening PGlite (wasm) takes a few seconds on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
