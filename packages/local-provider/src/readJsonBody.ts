// Reads a request body as JSON with a size limit. An oversize body is drained (not buffered) so the
// client, still sending, reliably reads the 413 instead of a broken pipe; far beyond the limit the
// connection is closed after the answer.
import type { IncomingMessage } from "node:http";
import { ProviderError } from "./providerError.ts";

const DRAIN_FACTOR = 16;

export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = new ProviderError(
    413,
    "payload_too_large",
    `Request body is larger than the limit of ${maxBytes} bytes.`,
    { limit_bytes: maxBytes },
    { connection: "close" },
  );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes * DRAIN_FACTOR) reject(tooLarge);
    });
    req.on("error", reject);
    req.on("end", () => {
      if (size > maxBytes) return reject(tooLarge);
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text.trim())
        return reject(new ProviderError(400, "invalid_json", "Request body is empty; send a JSON object."));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new ProviderError(400, "invalid_json", "Request body is not valid JSON."));
      }
    });
  });
}
