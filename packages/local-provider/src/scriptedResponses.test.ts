import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

const dir = mkdtempSync(join(tmpdir(), "local-provider-scripts-"));
let provider: LocalProvider;
let client: OpenAI;

beforeAll(async () => {
  writeFileSync(
    join(dir, "scripts.json"),
    JSON.stringify([
      { name: "fix", pattern: "failing tests", systemPattern: "you are the coder", response: "fixed code" },
      {
        name: "draft",
        pattern: "write the function",
        systemPattern: "you are the coder",
        response: "buggy code",
      },
      { name: "spec", pattern: "write the function", model: "local/sim-haiku", response: '{"goal":"x"}' },
      {
        name: "cached",
        pattern: "cached question",
        response: "short answer",
        usage: { cached_tokens: 5, cache_write_tokens: 1000, reasoning_tokens: 40 },
      },
      { name: "unpriced", pattern: "unpriced question", response: "answer", usage: { cost: false } },
    ]),
  );
  writeFileSync(
    join(dir, "profile.json"),
    JSON.stringify({
      models: {
        "local/sim-haiku": { kind: "chat", name: "Sim" },
        "local/sim-gpt-4o": { kind: "chat", name: "Sim" },
      },
      endpoints: { default: { provider: "Local" } },
      scripts: "./scripts.json",
    }),
  );
  provider = await startLocalProvider({ profiles: join(dir, "profile.json") });
  client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());

const ask = (model: string, system: string, user: string) =>
  client.chat.completions.create({
    model,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
  });

describe("scripted responses from a file beside the profile", () => {
  it("picks the first script whose user pattern, system pattern and model all match", async () => {
    expect(
      (await ask("local/sim-gpt-4o", "You are the coder.", "Write the function")).choices[0]!.message.content,
    ).toBe("buggy code");
    expect(
      (
        await ask(
          "local/sim-gpt-4o",
          "You are the coder.",
          "Write the function; these are the failing tests: …",
        )
      ).choices[0]!.message.content,
    ).toBe("fixed code");
    expect(
      (await ask("local/sim-haiku", "You are the planner.", "Write the function")).choices[0]!.message
        .content,
    ).toBe('{"goal":"x"}');
  });

  it("falls back to the simulation when nothing matches", async () => {
    const res = await ask("local/sim-gpt-4o", "You are the planner.", "Write the function");
    expect(res.choices[0]!.message.content).toContain("[simulated local model");
    expect((res as unknown as { x_switchyard: { scripted: boolean } }).x_switchyard.scripted).toBe(false);
  });

  it("streams a scripted reply verbatim", async () => {
    const stream = await client.chat.completions.create({
      model: "local/sim-gpt-4o",
      stream: true,
      messages: [
        { role: "system", content: "you are the coder" },
        { role: "user", content: "write the function" },
      ],
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("buggy code");
  });

  it("reports the cached, cache-write and reasoning tokens a script asks for, streamed or not", async () => {
    const whole = await ask("local/sim-haiku", "", "the cached question");
    const usage = whole.usage as OpenAI.CompletionUsage & {
      cost: number;
      prompt_tokens_details: { cached_tokens: number; cache_write_tokens: number };
    };
    // Reasoning tokens are billed as output but never shown: completion = visible + reasoning.
    expect(usage.completion_tokens_details?.reasoning_tokens).toBe(40);
    expect(usage.completion_tokens).toBe(40 + 2);
    expect(usage.prompt_tokens_details.cached_tokens).toBe(5);
    // A cache write cannot exceed the prompt's tokens that were not read from the cache.
    expect(usage.prompt_tokens_details.cache_write_tokens).toBe(usage.prompt_tokens - 5);
    expect(usage).toHaveProperty("cost");

    const stream = await client.chat.completions.create({
      model: "local/sim-haiku",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "the cached question" }],
    });
    let last: OpenAI.ChatCompletionChunk | undefined;
    for await (const chunk of stream) last = chunk;
    expect(last?.usage?.prompt_tokens_details?.cached_tokens).toBe(5);
    expect(last?.usage?.completion_tokens_details?.reasoning_tokens).toBe(40);
  });

  it("leaves usage.cost out when a script says cost: false", async () => {
    const res = await ask("local/sim-haiku", "", "the unpriced question");
    expect(res.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(res.usage).not.toHaveProperty("cost");
  });

  it("refuses a script with an invalid regular expression at start", async () => {
    await expect(
      startLocalProvider({
        profiles: {
          models: {},
          endpoints: { default: { provider: "L" } },
          scripts: [{ pattern: "(", response: "x" }],
        },
      }),
    ).rejects.toThrow(/regular expression/);
  });
});
