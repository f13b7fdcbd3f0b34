import { request } from "node:http";
import { upstreamErrorBody } from "@switchyard/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

let provider: LocalProvider;
beforeAll(async () => {
  provider = await startLocalProvider();
});
afterAll(() => provider.close());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/json");
  const body = await res.json();
  expect(upstreamErrorBody.safeParse(body).success).toBe(true);
  expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body.error as { message: string };
}

const post = (path: string, body: string) => fetch(`${provider.url}${path}`, { method: "POST", body });

describe("bad input gets a clear JSON error, never a crash", () => {
  it("malformed JSON -> 400 invalid_json", async () => {
    await expectError(await post("/v1/chat/completions", "{not json"), 400, "invalid_json");
  });

  it("an empty body -> 400 invalid_json", async () => {
    await expectError(await post("/v1/embeddings", ""), 400, "invalid_json");
  });

  it("wrong types -> 400 invalid_request naming the fields", async () => {
    const error = await expectError(
      await post("/v1/chat/completions", JSON.stringify({ model: 42, messages: "hi", temperature: 9 })),
      400,
      "invalid_request",
    );
    expect(error.message).toContain("model");
    expect(error.message).toContain("messages");
    expect(error.message).toContain("temperature");
  });

  it("an unknown model -> 400 model_not_found", async () => {
    await expectError(
      await post(
        "/v1/chat/completions",
        JSON.stringify({ model: "gpt-9", messages: [{ role: "user", content: "x" }] }),
      ),
      400,
      "model_not_found",
    );
  });

  it("a body over 1 MB -> 413 payload_too_large, and the server keeps serving", async () => {
    const huge = JSON.stringify({
      model: "local/sim-haiku",
      messages: [{ role: "user", content: "x".repeat(1_200_000) }],
    });
    await expectError(await post("/v1/chat/completions", huge), 413, "payload_too_large");
    expect((await fetch(`${provider.url}/health`)).status).toBe(200);
  });

  it("a chunked body (no Content-Length) is stopped too: 413 while the client is still sending", async () => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${provider.url}/v1/chat/completions`, { method: "POST" }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write('{"model":"local/sim-haiku","messages":[{"role":"user","content":"');
      // An endless body: keep writing until the answer arrives.
      const pump = () => {
        while (!req.destroyed && sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
    // Answered after at most 16 MB drained (nothing kept past 1 MB), long before the 64 MB end.
    expect(sent).toBeLessThan(24 * 1024 * 1024);
    expect((await fetch(`${provider.url}/health`)).status).toBe(200);
  });

  it("unknown routes -> 404 not_found; wrong method -> 405; unknown endpoint -> 404 unknown_endpoint", async () => {
    await expectError(await fetch(`${provider.url}/v1/nothing-here`), 404, "not_found");
    await expectError(await fetch(`${provider.url}/v1/chat/completions`), 405, "method_not_allowed");
    await expectError(await fetch(`${provider.url}/mars/v1/models`), 404, "unknown_endpoint");
    await expectError(await fetch(`${provider.url}/control/nothing`), 404, "not_found");
  });

  it("a profile without a default endpoint is refused at start with a readable message", async () => {
    await expect(
      startLocalProvider({ profiles: { models: {}, endpoints: { primary: { provider: "P" } } } }),
    ).rejects.toThrow(/default/);
    await expect(startLocalProvider({ profiles: "/nonexistent/profile.json" })).rejects.toThrow(
      /Cannot read profile/,
    );
  });
});
