// Reads a request body as JSON with a size limit, through wire's readBoundedText: bytes are counted as
// they arrive and nothing past the limit is kept, Content-Length or chunked. An oversize body is then
// drained (read and dropped) so the client, still sending, reliably reads the 413 instead of a broken
// pipe; far beyond the limit the answer goes at once and the connection is closed after it.
import type { IncomingMessage } from "node:http";
import { BodyTooLargeError, readBoundedText } from "@switchyard/wire";
import { ProviderError } from "./providerError.ts";

const DRAIN_FACTOR = 16;

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  let text: string;
  try {
    // destroyOnReturn: false, so stopping at the limit leaves the socket open for the 413.
    text = await readBoundedText(req.iterator({ destroyOnReturn: false }), maxBytes);
  } catch (err) {
    if (!BodyTooLargeError.isInstance(err)) throw err;
    await drain(req, maxBytes * DRAIN_FACTOR);
    throw new ProviderError(
      413,
      "payload_too_large",
      `Request body is larger than the limit of ${maxBytes} bytes.`,
      { limit_bytes: maxBytes },
      { connection: "close" },
    );
  }
  if (!text.trim())
    throw new ProviderError(400, "invalid_json", "Request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError(400, "invalid_json", "Request body is not valid JSON.");
  }
}

/** Reads and drops the rest of the body; resolves at its end, or once `upTo` more bytes came. */
function drain(req: IncomingMessage, upTo: number): Promise<void> {
  return new Promise((resolve) => {
    let dropped = 0;
    const done = () => {
      req.off("data", onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > upTo) done();
    };
    req.on("data", onData);
    req.once("end", done);
    req.once("close", done);
    req.once("error", done);
    req.resume();
  });
}
