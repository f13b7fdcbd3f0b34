import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig({
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    // `server-only` throws outside React Server Components; in tests the modules run on the server anyway.
    alias: { "server-only": new URL("./lib/testing/serverOnlyStub.ts", import.meta.url).pathname },
  },
});
