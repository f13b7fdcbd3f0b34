// Reads a request body with a byte limit, as a stream: bytes are counted as they arrive and reading
// stops at the limit, whether or not the sender declared a Content-Length (a chunked body declares
// none), so one request can never hold more than the limit in memory. The router's handler, the local
// provider and the server read their bodies with it, so all of them refuse an oversize body alike.

/** The body passed the limit; over HTTP it is a 413 with the code `payload_too_large`. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  readonly code = "payload_too_large";
  readonly limitBytes: number;

  constructor(limitBytes: number) {
    super(`Request body is larger than the limit of ${limitBytes} bytes.`);
    this.limitBytes = limitBytes;
  }

  static isInstance(value: unknown): value is BodyTooLargeError {
    return value instanceof BodyTooLargeError;
  }
}

/** A fetch Request, a web stream, or any async iterable of bytes (a Node IncomingMessage is one). */
export type BodySource = Request | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null | undefined;

/**
 * The body as UTF-8 text (a leading byte-order mark dropped, as `Request.text()` does), or a
 * `BodyTooLargeError` once more than `maxBytes` arrived. A Request that declares a larger
 * Content-Length is refused before a byte is read. On refusal the source is cancelled (web streams)
 * or returned (iterables), so the rest is never read.
 */
export async function readBoundedText(source: BodySource, maxBytes: number): Promise<string> {
  let body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null | undefined;
  if (source instanceof Request) {
    const declared = Number(source.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await source.body?.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    body = source.body;
  } else {
    body = source;
  }
  if (!body) return "";
  const text = new BoundedText(maxBytes);
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text.add(value);
      }
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      throw err;
    } finally {
      reader.releaseLock();
    }
  } else {
    // Throwing out of the loop calls the iterator's return(): the source stops being read.
    for await (const chunk of body) text.add(chunk);
  }
  return text.end();
}

/** The decoded text so far and its byte count; throws at the first byte past the limit. */
class BoundedText {
  readonly #decoder = new TextDecoder();
  readonly #parts: string[] = [];
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  add(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    if (this.#bytes > this.#maxBytes) throw new BodyTooLargeError(this.#maxBytes);
    this.#parts.push(this.#decoder.decode(chunk, { stream: true }));
  }

  end(): string {
    this.#parts.push(this.#decoder.decode());
    return this.#parts.join("");
  }
}
