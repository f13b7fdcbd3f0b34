import OpenAI from "openai";
import { PNG } from "pngjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

const MODEL = "local/procedural-image";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let provider: LocalProvider;
let client: OpenAI;

beforeAll(async () => {
  provider = await startLocalProvider();
  client = new OpenAI({ baseURL: `${provider.url}/image-primary/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.control.reset();
  provider.control.setFaults("image-primary", { imageMs: 0 });
  provider.control.setFaults("image-backup", { imageMs: 0, firstTokenMs: 0 });
});

function decodePng(b64: string) {
  const bytes = Buffer.from(b64, "base64");
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return PNG.sync.read(bytes);
}

describe("images", () => {
  it("generates PNGs of the requested size as b64_json, with the per-image cost", async () => {
    const res = await client.images.generate({
      model: MODEL,
      prompt: "a lighthouse at dusk",
      size: "256x256",
      n: 2,
    });
    expect(res.data).toHaveLength(2);
    const png = decodePng(res.data![0]!.b64_json!);
    expect([png.width, png.height]).toEqual([256, 256]);
    expect((res as unknown as { usage: { cost: number } }).usage.cost).toBeCloseTo(0.08, 9);
    expect((res as unknown as { provider: string }).provider).toBe("Local Image Primary");
  });

  it("draws the same bytes for the same prompt and seed, and different ones for another seed", async () => {
    const draw = (seed: number) =>
      fetch(`${provider.url}/v1/images/generations`, {
        method: "POST",
        body: JSON.stringify({ model: MODEL, prompt: "blue whale", size: "128x96", seed }),
      }).then(async (r) => (await r.json()).data[0].b64_json as string);
    const [a, b, c] = await Promise.all([draw(1), draw(1), draw(2)]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const png = decodePng(a);
    expect([png.width, png.height]).toEqual([128, 96]);
  });

  it("returns an image in message.images for chat with image modalities (OpenRouter shape)", async () => {
    const res = await fetch(`${provider.url}/image-backup/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({
        model: MODEL,
        modalities: ["image", "text"],
        image_config: { aspect_ratio: "16:9" },
        messages: [{ role: "user", content: "a fox in the snow" }],
      }),
    });
    const body = await res.json();
    const url = body.choices[0].message.images[0].image_url.url as string;
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    const png = decodePng(url.slice("data:image/png;base64,".length));
    expect(png.width).toBeGreaterThan(png.height);
    expect(body.usage.cost).toBeGreaterThanOrEqual(0.04);
  });

  it("refuses image output from a text model", async () => {
    const res = await fetch(`${provider.url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({
        model: "local/sim-haiku",
        modalities: ["image", "text"],
        messages: [{ role: "user", content: "x" }],
      }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("unsupported_model");
  });

  it("answers a blocklisted prompt with 403 moderation and its reasons", async () => {
    const err = await client.images.generate({ model: MODEL, prompt: "lots of GORE please" }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(err.error).toMatchObject({ code: "moderation", metadata: { reasons: ["blocked term: gore"] } });
  });

  it("rejects sizes out of range with a clear 400", async () => {
    const err = await client.images
      .generate({ model: MODEL, prompt: "x", size: "4000x4000" as "1024x1024" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.message).toContain("64 to 1792");
  });
});
