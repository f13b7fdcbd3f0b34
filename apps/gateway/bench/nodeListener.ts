// The contender the gateway did not ship (see README, HTTP layer): a `Request -> Response` function on
// plain node:http: the body read into one buffer (with a
// cap, so an oversize body is refused before it is all read), the answer written as one buffer or,
// for a stream, chunk by chunk with backpressure. A client that goes away aborts the request's signal
// and cancels the answer's stream, which stops the upstream call.
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorBody } from "@switchyard/wire";

export type FetchHandler = (request: Request) => Promise<Response>;

const jsonError = (res: ServerResponse, status: number, code: string, message: string) => {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(errorBody(code, message)));
};

export function nodeListener(handle: FetchHandler, options: { maxBodyBytes: number }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void serve(handle, options.maxBodyBytes, req, res).catch(() =>
      jsonError(res, 500, "internal", "The gateway failed to answer."),
    );
  };
}

async function serve(handle: FetchHandler, maxBodyBytes: number, req: IncomingMessage, res: ServerResponse) {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = req.method ?? "GET";
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const read = await readBody(req, maxBodyBytes);
    if (read === "too_large") {
      return jsonError(res, 413, "payload_too_large", `Request body over ${maxBodyBytes} bytes.`);
    }
    if (read === "aborted") return;
    body = read;
  }
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
    } catch {
      return jsonError(res, 400, "invalid_request", "A request header is malformed.");
    }
  }
  let request: Request;
  try {
    request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method,
      headers,
      body: body ? (body as Uint8Array<ArrayBuffer>) : null,
      signal: controller.signal,
    });
  } catch {
    return jsonError(res, 400, "invalid_request", "The request line is malformed.");
  }
  await writeResponse(await handle(request), res, controller.signal);
}

/**
 * The body, or "too_large" once it passes `max`. The rest of an oversize body is still read and thrown
 * away (up to 8 times the cap) so the client, still sending, can read the 413; past that the socket goes.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | "too_large" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else if (size > max * 8) req.destroy();
    });
    req.once("end", () => resolve(size > max ? "too_large" : Buffer.concat(chunks, size)));
    req.once("error", () => resolve("aborted"));
    req.once("close", () => {
      if (!req.complete) resolve("aborted");
    });
  });
}

async function writeResponse(response: Response, res: ServerResponse, closed: AbortSignal): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers["set-cookie"] = setCookies;
  const streaming = response.headers.get("content-type")?.startsWith("text/event-stream") === true;
  if (!response.body || !streaming) {
    const buffer = Buffer.from(await response.arrayBuffer());
    headers["content-length"] = String(buffer.length);
    res.writeHead(response.status, headers).end(buffer);
    return;
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  closed.addEventListener("abort", cancel, { once: true });
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (closed.aborted) return;
      if (!res.write(next.value))
        await new Promise((resolve) => {
          res.once("drain", resolve);
          res.once("close", resolve);
        });
    }
    res.end();
  } finally {
    closed.removeEventListener("abort", cancel);
  }
}
