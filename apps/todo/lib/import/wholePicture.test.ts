import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isWholePicture } from "./wholePicture.ts";

const screenshot = new Uint8Array(
  readFileSync(new URL("../../e2e/fixtures/list-screenshot.png", import.meta.url)),
);

describe("a whole picture", () => {
  it("accepts a real PNG and refuses it cut off or with garbage after its signature", () => {
    expect(isWholePicture(screenshot, "image/png")).toBe(true);
    expect(isWholePicture(screenshot.subarray(0, screenshot.length - 20), "image/png")).toBe(false);
    const garbage = Uint8Array.from([...screenshot.subarray(0, 8), ...Array(500).fill(7)]);
    expect(isWholePicture(garbage, "image/png")).toBe(false);
  });

  it("wants a JPEG's end-of-image marker, a WebP's whole RIFF and a GIF's trailer", () => {
    expect(isWholePicture(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 0xff, 0xd9]), "image/jpeg")).toBe(
      true,
    );
    expect(isWholePicture(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), "image/jpeg")).toBe(false);
    const webp = (declared: number, actual: number) =>
      Uint8Array.from([
        ...Buffer.from("RIFF"),
        declared,
        0,
        0,
        0,
        ...Buffer.from("WEBP"),
        ...Array(actual - 12).fill(0),
      ]);
    expect(isWholePicture(webp(20, 28), "image/webp")).toBe(true);
    expect(isWholePicture(webp(40, 28), "image/webp")).toBe(false);
    const gif = [...Buffer.from("GIF89a"), ...Array(10).fill(0)];
    expect(isWholePicture(Uint8Array.from([...gif, 0x3b]), "image/gif")).toBe(true);
    expect(isWholePicture(Uint8Array.from(gif), "image/gif")).toBe(false);
  });
});
