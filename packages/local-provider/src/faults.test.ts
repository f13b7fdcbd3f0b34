import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

let provider: LocalProvider;
let client: OpenAI;
const CHAT = "local/sim-haiku";
const ask = (c = client) =>
  c.chat.completions.create({ model: CHAT, messages: [{ role: "user", content: "hello there" }] });

beforeAll(async () => {
  provider = await startLocalProvider();
  client = new OpenAI({ baseURL: `${provider.url}/primary/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.control.reset();
  provider.control.setFaults("primary", { firstTokenMs: 0, tokensPerSecond: 0, processingComments: false });
});

function post(path: string, body: unknown) {
  return fetch(`${provider.url}${path}`, { method: "POST", body: JSON.stringify(body) });
}

/** Reads an SSE body until it ends, returning the parsed data events (comments skipped). */
async function readEvents(res: Response): Promise<unknown[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("data: ") && block !== "data: [DONE]")
    .map((block) => JSON.parse(block.slice(6)));
}

describe("fault injection", () => {
  it("throttles with a token bucket: 429 with Retry-After once the bucket is empty", async () => {
    provider.control.setFaults("primary", {
      throttle: { capacity: 2, refillPerSecond: 0, retryAfterSeconds: 7 },
    });
    await ask();
    await ask();
    const res = await post("/primary/v1/chat/completions", {
      model: CHAT,
      messages: [{ role: "user", content: "x" }],
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect((await res.json()).error.code).toBe("rate_limited");
    const err = await ask().catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    // Other endpoints keep their own bucket.
    expect(
      (await post("/backup/v1/chat/completions", { model: CHAT, messages: [{ role: "user", content: "x" }] }))
        .status,
    ).toBe(200);
  });

  it.each([
    [500, OpenAI.InternalServerError, "server_error"],
    [502, OpenAI.InternalServerError, "upstream_error"],
    [503, OpenAI.InternalServerError, "service_unavailable"],
    [429, OpenAI.RateLimitError, "rate_limited"],
  ] as const)("injects %i at an error rate of 1", async (status, errorClass, code) => {
    provider.control.setFaults("primary", { errorRates: { [String(status)]: 1 } });
    const err = await ask().catch((e) => e);
    expect(err).toBeInstanceOf(errorClass);
    expect(err.status).toBe(status);
    expect(err.error.code).toBe(code);
  });

  it("draws injected errors from a seeded generator: the same sequence after every reset", async () => {
    const run = async () => {
      provider.control.reset();
      provider.control.setFaults("primary", {
        firstTokenMs: 0,
        tokensPerSecond: 0,
        errorRates: { "503": 0.5 },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push(
          (
            await post("/primary/v1/chat/completions", {
              model: CHAT,
              messages: [{ role: "user", content: "x" }],
            })
          ).status,
        );
      }
      return statuses;
    };
    const first = await run();
    expect(first).toContain(200);
    expect(first).toContain(503);
    expect(await run()).toEqual(first);
  });

  it("runs out of credit: 402 once spending reaches the limit, and /api/v1/key shows the balance", async () => {
    provider.control.setFaults("primary", { creditLimit: 0.0001 });
    await ask();
    const key = await fetch(`${provider.url}/primary/api/v1/key`).then((r) => r.json());
    expect(key.data.limit).toBe(0.0001);
    expect(key.data.usage).toBeGreaterThan(0);
    expect(key.data.limit_remaining).toBeCloseTo(0.0001 - key.data.usage, 12);
    // Exhaust what remains, then every request is refused.
    while ((await fetch(`${provider.url}/primary/api/v1/key`).then((r) => r.json())).data.limit_remaining > 0)
      await ask();
    const err = await ask().catch((e) => e);
    expect(err.status).toBe(402);
    expect(err.error.code).toBe("insufficient_credits");
  });

  it("is down: 503 for everything in the default outage mode", async () => {
    provider.control.setFaults("primary", { down: true });
    const res = await fetch(`${provider.url}/primary/v1/models`);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("service_unavailable");
  });

  it('is down with "reset": the connection is dropped without an answer', async () => {
    provider.control.setFaults("primary", { down: "reset" });
    await expect(fetch(`${provider.url}/primary/v1/models`)).rejects.toThrow();
    expect(provider.control.log({ endpoint: "primary" })[0]!.status).toBe(0);
  });

  it("stalls mid-stream for stallMs, then finishes the stream", async () => {
    provider.control.setFaults("primary", { stallAfterTokens: 2, stallMs: 30 });
    const events = (await readEvents(
      await post("/primary/v1/chat/completions", {
        model: CHAT,
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      }),
    )) as { choices: { finish_reason: string | null }[] }[];
    expect(events.some((e) => e.choices[0]?.finish_reason === "stop")).toBe(true);
  });

  it("stalls forever with stallMs Infinity: only the first tokens arrive, until the client gives up", async () => {
    provider.control.setFaults("primary", { stallAfterTokens: 3, stallMs: Number.POSITIVE_INFINITY });
    const abort = new AbortController();
    const stream = await client.chat.completions.create(
      { model: CHAT, stream: true, messages: [{ role: "user", content: "hi" }] },
      { signal: abort.signal },
    );
    let received = "";
    const reading = (async () => {
      for await (const chunk of stream) {
        received += chunk.choices[0]?.delta.content ?? "";
        // Give a resumed stream every chance to show itself before giving up.
        if (received.trim().split(/\s+/).length === 3) setTimeout(() => abort.abort(), 200);
      }
    })();
    // The SDK ends an aborted stream quietly or with an abort error, depending on timing.
    await reading.catch(() => undefined);
    expect(abort.signal.aborted).toBe(true);
    expect(received.trim().split(/\s+/)).toHaveLength(3);
  });

  it("fails mid-stream with OpenRouter's error chunk (finish_reason error), after some content", async () => {
    provider.control.setFaults("primary", { errorAfterTokens: 2 });
    const res = await post("/primary/v1/chat/completions", {
      model: CHAT,
      stream: true,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(res.status).toBe(200);
    const events = (await readEvents(res)) as {
      error?: { code: string };
      choices: { delta: { content?: string }; finish_reason: string | null }[];
    }[];
    const last = events.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe("error");
    expect(last.error!.code).toBe("upstream_error");
    expect(
      events
        .slice(0, -1)
        .map((e) => e.choices[0]!.delta.content)
        .join("")
        .trim()
        .split(/\s+/),
    ).toHaveLength(2);

    // The openai SDK turns that chunk into a thrown APIError.
    const stream = await client.chat.completions.create({
      model: CHAT,
      stream: true,
      messages: [{ role: "user", content: "hi" }],
    });
    await expect(
      (async () => {
        for await (const _ of stream);
      })(),
    ).rejects.toThrow(/mid-stream/);
  });

  it("fails a non-streaming answer with 502 when errorAfterTokens hits", async () => {
    provider.control.setFaults("primary", { errorAfterTokens: 1 });
    const err = await ask().catch((e) => e);
    expect(err.status).toBe(502);
  });

  it("hangs before the first token until the client aborts", async () => {
    provider.control.setFaults("primary", { hangBeforeFirstTokenMs: Number.POSITIVE_INFINITY });
    const err = await client.chat.completions
      .create({ model: CHAT, messages: [{ role: "user", content: "hi" }] }, { timeout: 200 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it("requires the endpoint's API key when the profile sets one (401)", async () => {
    const locked = await startLocalProvider({
      profiles: {
        models: { [CHAT]: { kind: "chat", name: "Sim" } },
        endpoints: { default: { provider: "Locked", apiKey: "sk-local-test" } },
      },
    });
    try {
      const wrong = new OpenAI({ baseURL: `${locked.url}/v1`, apiKey: "nope", maxRetries: 0 });
      expect(await ask(wrong).catch((e) => e)).toBeInstanceOf(OpenAI.AuthenticationError);
      const right = new OpenAI({ baseURL: `${locked.url}/v1`, apiKey: "sk-local-test", maxRetries: 0 });
      expect((await ask(right)).choices[0]!.message.content).toBeTruthy();
    } finally {
      await locked.close();
    }
  });
});
