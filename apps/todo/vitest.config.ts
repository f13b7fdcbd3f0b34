import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts"],
    // Each file starts a local provider (with its embedding model) and an in-memory Postgres.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
