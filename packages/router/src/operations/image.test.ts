import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { RouterError } from "../errors.ts";
import { callsTo, useHarness } from "../testing/harness.ts";
import { sniffBase64Image, sniffImageType } from "./imageType.ts";

const h = useHarness();

const pngHead = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const jpegHead = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46];
const webpHead = [...Buffer.from("RIFF"), 0x24, 0, 0, 0, ...Buffer.from("WEBPVP8 ")];
const b64 = (bytes: number[] | string) => Buffer.from(bytes as never).toString("base64");

/** A chat-modalities image model on the local provider's two image endpoints (OpenRouter's style). */
const chatImageCatalog = {
  models: [
    {
      id: "test/chat-image",
      label: "An image model answering through chat completions",
      capabilities: ["image" as const],
      contextWindow: 4_000,
      price: { perImage: 0.04 },
      routes: ["image-primary", "image-backup"].map((name) => ({
        endpoint: `local:${name}`,
        account: `local:${name}`,
        upstreamModel: "local/procedural-image",
        imageApi: "chat-modalities" as const,
      })),
    },
  ],
};

describe("image types come from the bytes, never from the provider's label", () => {
  it("knows PNG, JPEG and WebP by their signatures, and nothing else", () => {
    expect(sniffImageType(Uint8Array.from(pngHead))).toBe("image/png");
    expect(sniffImageType(Uint8Array.from(jpegHead))).toBe("image/jpeg");
    expect(sniffImageType(Uint8Array.from(webpHead))).toBe("image/webp");
    expect(sniffBase64Image(b64(pngHead))).toBe("image/png");
    for (const other of [
      "<svg xmlns='http://www.w3.org/2000/svg'/>",
      "<!doctype html>",
      "GIF89a",
      "RIFFxxxxWAVE",
      "",
    ]) {
      expect(sniffBase64Image(b64(other)), other).toBeNull();
    }
    expect(sniffImageType(Uint8Array.from(pngHead.slice(0, 7)))).toBeNull();
  });

  it.each(["svg", "html"] as const)(
    "refuses %s bytes labelled image/png and fails over to the next endpoint",
    async (content) => {
      h.provider.control.setFaults("image-primary", { imageContent: content });
      const { images, routing, response } = await h.router.image({ prompt: "a lighthouse" });
      expect(routing).toMatchObject({ endpoint: "local:image-backup", failover: true });
      expect(images[0]?.mimeType).toBe("image/png");
      expect(sniffBase64Image(images[0]!.b64Json)).toBe("image/png");
      expect(response.data[0]?.mime_type).toBe("image/png");
      await h.router.flush();
      const attempts = h.ledger.forRequest(routing.requestId).filter((e) => e.kind === "attempt");
      expect(attempts[0]).toMatchObject({
        endpoint: "local:image-primary",
        errorCode: "upstream_bad_response",
      });
    },
  );

  it("fails with upstream_bad_response, no bytes returned, when every endpoint sends script", async () => {
    for (const endpoint of ["image-primary", "image-backup"]) {
      h.provider.control.setFaults(endpoint, { imageContent: "svg" });
    }
    const error = await h.router.image({ prompt: "a lighthouse" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ code: "upstream_bad_response", status: 502 });
    expect((error as RouterError).message).toMatch(/not PNG, JPEG or WebP/);
  });

  it("checks images that arrive as data URLs through chat completions too", async () => {
    const router = h.newRouter({ catalog: chatImageCatalog });
    h.provider.control.setFaults("image-primary", { imageContent: "html" });
    const { images, routing } = await router.image({ model: "test/chat-image", prompt: "a fox" });
    expect(routing.endpoint).toBe("local:image-backup");
    expect(images[0]?.mimeType).toBe("image/png");
    expect(callsTo(h.provider, "image-primary")).toBe(1);
  });

  it("reports the sniffed type when the provider declares another, and refuses a bare link", async () => {
    const answers = [
      { b64_json: b64(jpegHead), mime_type: "text/html" },
      { url: "https://images.example/cat.png" },
    ];
    let next = 0;
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ created: 1, data: [answers[next++ % answers.length]] }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      const router = h.newRouter({ localProviderUrl: url, policy: { retry: { maxAttempts: 1 } } });
      const { images, response } = await router.image({ model: "openai/dall-e-3", prompt: "a cat" });
      expect(images[0]?.mimeType).toBe("image/jpeg");
      expect(response.data[0]?.mime_type).toBe("image/jpeg");
      const error = await router
        .image({ model: "openai/dall-e-3", prompt: "a cat" })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "upstream_bad_response" });
      expect((error as RouterError).message).toMatch(/link instead of image bytes/);
    } finally {
      upstream.close();
    }
  });
});
