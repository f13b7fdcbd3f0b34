import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { safeReason } from "./upstreamError.ts";

const h = useHarness({ freshRouter: false });

it("keeps a short, sanitized reason of an upstream's message, never its text verbatim", () => {
  expect(safeReason("Rate limit exceeded: free-models-per-min.")).toBe(
    "Rate limit exceeded: free-models-per-min.",
  );
  const reason = safeReason(
    `<html><body><h1>502 Bad Gateway</h1>\n\tkey sk-or-v1-0123456789abcdef rejected, see https://proxy.example/err?token=abc ` +
      `id ${"A".repeat(40)} ${"and more ".repeat(40)}</body></html>`,
  );
  expect(reason.length).toBeLessThanOrEqual(120);
  expect(reason).toMatch(/^502 Bad Gateway key \[key\] rejected, see \[link\] id \[…\] and more/);
  for (const raw of ["<", "sk-or", "https://", "token=", "AAAAAAAA", "\n", "\t"])
    expect(reason).not.toContain(raw);
  expect(safeReason("\u0000\u001b[31m  ")).toBe("[31m");
});

it("answers a client with the error code and the short reason, not the upstream's body", async () => {
  const upstreamText = `Invalid prompt: "${"my secret plans ".repeat(30)}" <script>alert(1)</script>`;
  const upstream = createServer((_req, res) => {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: 400, message: upstreamText } }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  try {
    const router = h.newRouter({
      localProviderUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    });
    const res = await router.handler(
      new Request("http://app.local/v1/chat/completions", {
        method: "POST",
        body: JSON.stringify({ model: "fast", messages: [{ role: "user", content: "hi" }] }),
      }),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_request");
    expect(error.message).toMatch(/^local:primary answered 400: Invalid prompt/);
    expect(error.message.length).toBeLessThan(160);
    expect(error.message).not.toContain("<script>");
  } finally {
    upstream.close();
  }
});
