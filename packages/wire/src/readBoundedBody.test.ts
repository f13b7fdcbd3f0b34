import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBoundedText } from "./readBoundedBody.ts";

const kb = new Uint8Array(1024).fill(0x61);

/** An endless chunked body: 1 KB per pull, counting pulls and noting whether it was cancelled. */
function endlessStream() {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls++;
        controller.enqueue(kb);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe("readBoundedText", () => {
  it("reads a body under the limit, multi-byte characters split across chunks included", async () => {
    const bytes = new TextEncoder().encode('{"city":"Zürich €"}');
    const parts = [bytes.slice(0, 10), bytes.slice(10, 11), bytes.slice(11)];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
    expect(await readBoundedText(stream, 1024)).toBe('{"city":"Zürich €"}');
    expect(await readBoundedText(new Request("http://x/", { method: "POST", body: "hi" }), 2)).toBe("hi");
    expect(await readBoundedText(new Request("http://x/"), 10)).toBe("");
    expect(await readBoundedText(null, 10)).toBe("");
  });

  it("stops an endless chunked body at the limit and cancels the rest unread", async () => {
    const { stream, seen } = endlessStream();
    const request = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const err = await readBoundedText(request, 64 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect(err).toMatchObject({ code: "payload_too_large", limitBytes: 64 * 1024 });
    // 64 chunks fit, the 65th passes the limit; a few more may be buffered on the way, no more.
    expect(seen.pulls).toBeLessThan(70);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, seen } = endlessStream();
    const request = new Request("http://x/", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-length": String(10 * 1024 * 1024) },
    } as RequestInit);
    await expect(readBoundedText(request, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulls).toBeLessThanOrEqual(1);
  });

  it("stops an endless async iterable (a Node request) at the limit and returns it", async () => {
    let produced = 0;
    let returned = false;
    async function* endless() {
      try {
        for (;;) {
          produced++;
          yield kb;
        }
      } finally {
        returned = true;
      }
    }
    await expect(readBoundedText(endless(), 10 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(produced).toBe(11);
    expect(returned).toBe(true);
  });
});
