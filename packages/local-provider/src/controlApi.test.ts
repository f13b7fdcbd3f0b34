import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

let provider: LocalProvider;

beforeAll(async () => {
  provider = await startLocalProvider();
});
afterAll(() => provider.close());
beforeEach(() => provider.control.reset());

const control = (path: string, body?: unknown) =>
  fetch(`${provider.url}${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });

describe("control API", () => {
  it("reports health with every endpoint of the default profile", async () => {
    const health = await control("/health").then((r) => r.json());
    expect(health.ok).toBe(true);
    for (const name of [
      "default",
      "primary",
      "backup",
      "image-primary",
      "image-backup",
      "openrouter-like",
      "groq-like",
      "together-like",
      "zdr",
    ]) {
      expect(health.endpoints).toContain(name);
    }
    expect(health.details.find((d: { name: string }) => d.name === "zdr").zdr).toBe(true);
  });

  it("logs each upstream call with its idempotency key, from either header name", async () => {
    const client = new OpenAI({ baseURL: `${provider.url}/backup/v1`, apiKey: "local", maxRetries: 0 });
    provider.control.setFaults("backup", { firstTokenMs: 0, tokensPerSecond: 0 });
    const body = { model: "local/sim-haiku", messages: [{ role: "user" as const, content: "hi" }] };
    await client.chat.completions.create(body, { headers: { "Idempotency-Key": "todo-1-plan" } });
    await client.chat.completions.create(body, { headers: { "X-Idempotency-Key": "todo-1-plan" } });
    await client.chat.completions.create(body, { headers: { "Idempotency-Key": "todo-2-plan" } });

    const entries = provider.control.log({ idempotencyKey: "todo-1-plan" });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      endpoint: "backup",
      path: "/v1/chat/completions",
      model: "local/sim-haiku",
      stream: false,
      status: 200,
    });
    expect(entries[0]!.requestId).toMatch(/^gen-/);
    const overHttp = await control("/control/log?idempotencyKey=todo-1-plan&endpoint=backup").then((r) =>
      r.json(),
    );
    expect(overHttp).toEqual(entries);
  });

  it("changes faults over HTTP, including Infinity spelled as a string", async () => {
    const res = await control("/control/faults", {
      endpoint: "primary",
      errorRates: { "502": 1 },
      stallMs: "Infinity",
    });
    expect(res.status).toBe(200);
    const chat = await fetch(`${provider.url}/primary/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "local/sim-haiku", messages: [{ role: "user", content: "x" }] }),
    });
    expect(chat.status).toBe(502);
    await control("/control/reset", {});
    expect(provider.control.log()).toEqual([]);
  });

  it("rejects unknown endpoints and unknown or ill-typed fault fields with 4xx", async () => {
    const unknownEndpoint = await control("/control/faults", { endpoint: "nowhere", down: true });
    expect(unknownEndpoint.status).toBe(404);
    expect((await unknownEndpoint.json()).error.code).toBe("unknown_endpoint");
    const unknownField = await control("/control/faults", { endpoint: "primary", explode: true });
    expect(unknownField.status).toBe(400);
    expect((await unknownField.json()).error.message).toContain("explode");
    const badType = await control("/control/faults", { endpoint: "primary", errorRates: { "502": 3 } });
    expect(badType.status).toBe(400);
    expect(() => provider.control.setFaults("nowhere", { down: true })).toThrow(/nowhere/);
  });

  it("lists the models with OpenRouter-style per-token prices", async () => {
    const models = await fetch(`${provider.url}/v1/models`).then((r) => r.json());
    const haiku = models.data.find((m: { id: string }) => m.id === "local/sim-haiku");
    expect(Number(haiku.pricing.prompt)).toBeCloseTo(0.25 / 1e6, 12);
    // What the router's catalog sync reads, as OpenRouter lists it, at OpenRouter's path too.
    expect(haiku).toMatchObject({
      architecture: { input_modalities: ["text", "image", "file"] },
      supported_parameters: expect.arrayContaining([
        "tools",
        "tool_choice",
        "response_format",
        "structured_outputs",
      ]),
    });
    const atApiPath = await fetch(`${provider.url}/openrouter-like/api/v1/models`).then((r) => r.json());
    expect(atApiPath.data.map((m: { id: string }) => m.id)).toContain("local/sim-haiku");
    expect(models.data.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([
        "local/sim-gpt-4o",
        "local/sim-gpt-4o-mini",
        "local/sim-llama-3.1-8b",
        "local/use-lite-512",
        "local/procedural-image",
      ]),
    );
  });
});
