import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig({
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    alias: {
      // `server-only` throws outside React Server Components; in tests the modules run on the server anyway.
      "server-only": new URL("./lib/testing/serverOnlyStub.ts", import.meta.url).pathname,
      // Route files import "@/lib/…" (tsconfig paths); the fuzz suite imports the routes themselves.
      "@/": new URL("./", import.meta.url).pathname,
    },
  },
});
