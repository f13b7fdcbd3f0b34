import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig({
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts"],
    // Route files import "@/lib/…" (tsconfig paths); the fuzz suite imports the routes themselves.
    alias: { "@/": new URL("./", import.meta.url).pathname },
  },
});
