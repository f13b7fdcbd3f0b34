import { OpenAIEmbeddings } from "@langchain/openai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

const MODEL = "local/use-lite-512";
let provider: LocalProvider;
let client: OpenAI;

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
};

beforeAll(async () => {
  provider = await startLocalProvider();
  client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());

describe("embeddings", () => {
  it("gives related sentences a higher cosine than unrelated ones (openai SDK, base64 by default)", async () => {
    const res = await client.embeddings.create({
      model: MODEL,
      input: ["How do I reset my password?", "I forgot my login password", "The volcano erupted last night"],
    });
    const [q, related, unrelated] = res.data.map((d) => d.embedding);
    expect(q).toHaveLength(512);
    expect(cosine(q!, related!)).toBeGreaterThan(cosine(q!, unrelated!) + 0.2);
    expect((res.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
  }, 30_000);

  it("returns the same vector as floats and as base64", async () => {
    const asFloat = await fetch(`${provider.url}/v1/embeddings`, {
      method: "POST",
      body: JSON.stringify({ model: MODEL, input: "buy milk", encoding_format: "float" }),
    }).then((r) => r.json());
    const viaSdk = await client.embeddings.create({ model: MODEL, input: "buy milk" });
    const floats = asFloat.data[0].embedding as number[];
    expect(Array.isArray(floats)).toBe(true);
    expect(viaSdk.data[0]!.embedding[7]).toBeCloseTo(floats[7]!, 5);
  }, 30_000);

  it("works through LangChain's OpenAIEmbeddings", async () => {
    const embeddings = new OpenAIEmbeddings({
      model: MODEL,
      apiKey: "local",
      maxRetries: 0,
      configuration: { baseURL: `${provider.url}/v1` },
    });
    const [a, b, c] = await embeddings.embedDocuments([
      "walk the dog",
      "take the puppy for a walk",
      "quarterly tax filing",
    ]);
    expect(a).toHaveLength(512);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
    expect(await embeddings.embedQuery("walk the dog")).toHaveLength(512);
  }, 30_000);

  it("refuses dimensions other than 512 with a clear 400", async () => {
    const err = await client.embeddings.create({ model: MODEL, input: "x", dimensions: 256 }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.message).toContain("512");
  });

  it("refuses a chat model on the embeddings route", async () => {
    const res = await fetch(`${provider.url}/v1/embeddings`, {
      method: "POST",
      body: JSON.stringify({ model: "local/sim-haiku", input: "x" }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("unsupported_model");
  });
});
