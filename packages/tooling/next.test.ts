import { afterEach, describe, expect, it, vi } from "vitest";
import { defineNextConfig } from "./next.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

async function headersOf(config = defineNextConfig()) {
  const rules = (await config.headers?.()) ?? [];
  const all = rules.find((r) => r.source === "/(.*)");
  return Object.fromEntries((all?.headers ?? []).map((h) => [h.key, h.value]));
}

describe("defineNextConfig().headers()", () => {
  it("sends the security headers on every path", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const headers = await headersOf();
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "X-Frame-Options": "DENY",
    });
    const csp = headers["Content-Security-Policy"]!.split("; ");
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("allows eval only in development, for Next's dev overlay", async () => {
    vi.stubEnv("NODE_ENV", "development");
    expect((await headersOf())["Content-Security-Policy"]).toContain(
      "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    );
    vi.stubEnv("NODE_ENV", "test");
    expect((await headersOf())["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("keeps an app's own headers() beside the shared ones", async () => {
    const config = defineNextConfig({
      headers: async () => [
        { source: "/files/(.*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
      ],
    });
    const rules = (await config.headers?.()) ?? [];
    expect(rules.map((r) => r.source)).toEqual(["/(.*)", "/files/(.*)"]);
    expect(Object.keys(await headersOf(config))).toContain("Content-Security-Policy");
  });
});
