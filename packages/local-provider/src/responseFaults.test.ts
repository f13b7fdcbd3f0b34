import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";

let provider: LocalProvider;
const CHAT = "local/sim-haiku";

beforeAll(async () => {
  provider = await startLocalProvider();
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.control.reset();
  provider.control.setFaults("primary", { firstTokenMs: 0, tokensPerSecond: 0, processingComments: false });
});

const post = (path: string, body: unknown) =>
  fetch(`${provider.url}${path}`, { method: "POST", body: JSON.stringify(body) });
const chat = (stream: boolean) =>
  post("/primary/v1/chat/completions", { model: CHAT, stream, messages: [{ role: "user", content: "hi" }] });

describe("faults in a 200 answer", () => {
  it("endAfterTokens: the stream just ends, with no finish_reason and no [DONE]", async () => {
    provider.control.setFaults("primary", { endAfterTokens: 3 });
    const res = await chat(true);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("[DONE]");
    expect(text).not.toContain('"finish_reason":"stop"');
    const words = text
      .split("\n\n")
      .filter((b) => b.startsWith("data: "))
      .map((b) => JSON.parse(b.slice(6)).choices[0].delta.content)
      .join("");
    expect(words.trim().split(/\s+/)).toHaveLength(3);
  });

  it("endAfterTokens 0: an empty 200 stream", async () => {
    provider.control.setFaults("primary", { endAfterTokens: 0 });
    const res = await chat(true);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(await res.text()).toBe("");
  });

  it("endAfterTokens, not streaming: a 200 whose JSON body is cut short", async () => {
    provider.control.setFaults("primary", { endAfterTokens: 1 });
    const res = await chat(false);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBeNull();
    await expect(res.json()).rejects.toThrow();
  });

  it.each([
    ["svg", "<svg"],
    ["html", "<!doctype html>"],
  ] as const)(
    "imageContent %s: script-bearing bytes labelled image/png, on both image routes",
    async (content, start) => {
      provider.control.setFaults("image-primary", { imageContent: content });
      const api = await post("/image-primary/v1/images/generations", {
        model: "local/procedural-image",
        prompt: "a cat",
      });
      const b64 = (await api.json()).data[0].b64_json as string;
      const bytes = Buffer.from(b64, "base64").toString("utf8");
      expect(bytes.startsWith(start)).toBe(true);
      expect(bytes).toContain("<script>");
      const viaChat = await post("/image-primary/v1/chat/completions", {
        model: "local/procedural-image",
        messages: [{ role: "user", content: "a cat" }],
        modalities: ["image", "text"],
      });
      const url = (await viaChat.json()).choices[0].message.images[0].image_url.url as string;
      expect(url.startsWith("data:image/png;base64,")).toBe(true);
      expect(Buffer.from(url.split(",")[1]!, "base64").toString("utf8")).toContain("<script>");
    },
  );

  it("imageContent png (the default) is a real PNG", async () => {
    const res = await post("/image-primary/v1/images/generations", {
      model: "local/procedural-image",
      prompt: "a cat",
    });
    const bytes = Buffer.from((await res.json()).data[0].b64_json, "base64");
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
