// One HTTP call to an upstream over node:http(s) with keep-alive, so the router can tell a connect
// timeout from a slow first byte, and a single re-armable timer serves every phase (connect,
// headers, idle) without allocating per chunk. fail() ends the call with a typed error from any
// phase: the pending promise or the body iterator throws it.
import type { ClientRequest, IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";
import { RouterError, type RouterErrorCode } from "../errors.ts";

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export function createAgents(): Agents {
  return {
    // Node keeps 256 idle sockets by default: a burst above that would reconnect on the next burst.
    http: new http.Agent({ keepAlive: true, scheduling: "lifo", maxFreeSockets: 2048 }),
    https: new https.Agent({ keepAlive: true, scheduling: "lifo", maxFreeSockets: 2048 }),
  };
}

export interface CallOptions {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  connectTimeoutMs: number;
  /** Until response headers arrive. */
  headersTimeoutMs: number;
  headersTimeoutCode: RouterErrorCode;
}

export class UpstreamCall {
  #req: ClientRequest | null = null;
  #res: IncomingMessage | null = null;
  #timer: NodeJS.Timeout | null = null;
  #timerError: (() => RouterError) | null = null;
  #failed: RouterError | null = null;
  #onClose: (() => void) | null = null;

  /** Sends the request; resolves with the response once headers arrive. */
  start(url: string, agents: Agents, o: CallOptions): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const secure = url.startsWith("https:");
      const headers: Record<string, string | number> = { ...o.headers };
      if (o.body !== undefined) headers["content-length"] = Buffer.byteLength(o.body);
      const req = (secure ? https : http).request(url, {
        method: o.method,
        headers,
        agent: secure ? agents.https : agents.http,
      });
      this.#req = req;
      if (this.#failed) {
        req.destroy(this.#failed);
      }
      req.once("socket", (socket) => {
        if (!socket.connecting) {
          this.arm(o.headersTimeoutMs, o.headersTimeoutCode, "no response from the endpoint in time");
          return;
        }
        this.arm(o.connectTimeoutMs, "timeout_connect", "could not connect to the endpoint in time");
        socket.once(secure ? "secureConnect" : "connect", () =>
          this.arm(o.headersTimeoutMs, o.headersTimeoutCode, "no response from the endpoint in time"),
        );
      });
      req.once("response", (res) => {
        this.#res = res;
        this.disarm();
        resolve(res);
      });
      req.once("error", (err) => {
        this.disarm();
        reject(this.#failed ?? toRouterError(err));
      });
      req.end(o.body);
    });
  }

  /** (Re)arms the single timer: when it fires, the call fails with `code`. */
  arm(ms: number, code: RouterErrorCode, message: string): void {
    this.#timerError = () => new RouterError(code, `${message} (${ms} ms)`);
    if (this.#timer) {
      clearTimeout(this.#timer);
    }
    this.#timer = setTimeout(() => this.fail(this.#timerError!()), ms);
  }

  /** Restarts the armed timer from now (cheap: no new timer). */
  refresh(): void {
    this.#timer?.refresh();
  }

  disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  fail(error: RouterError): void {
    if (this.#failed) return;
    this.#failed = error;
    this.disarm();
    if (this.#res) this.#res.destroy(error);
    else this.#req?.destroy(error);
  }

  /** The error that ended this call early (timeout, abort), if any. */
  get failure(): RouterError | null {
    return this.#failed;
  }

  /** Registers what close() must release (deadline timer, abort listener). */
  onClose(fn: () => void): void {
    this.#onClose = fn;
  }

  /** Releases the connection after a body was fully read or abandoned. */
  close(): void {
    this.disarm();
    this.#onClose?.();
    this.#onClose = null;
    if (this.#res && !this.#res.complete) this.#res.destroy();
  }
}

export function toRouterError(err: unknown): RouterError {
  if (err instanceof RouterError) return err;
  const code = (err as { code?: string } | null)?.code;
  const what =
    code === "ECONNREFUSED"
      ? "connection refused"
      : code === "ECONNRESET" || code === "EPIPE"
        ? "connection reset"
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? "host not found"
          : "network error";
  return new RouterError("upstream_error", `Endpoint unreachable: ${what}.`, { cause: err });
}

/** Reads a whole body as text, re-arming the idle timer on each chunk; fails past maxBytes. */
export async function readBody(res: IncomingMessage, call: UpstreamCall, idleMs: number, maxBytes: number) {
  call.arm(idleMs, "timeout_idle", "the endpoint stopped sending the response body");
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      call.refresh();
      size += chunk.length;
      if (size > maxBytes) throw new RouterError("upstream_bad_response", "Upstream response too large.");
      parts.push(chunk);
    }
  } catch (err) {
    throw call.failure ?? toRouterError(err);
  } finally {
    call.disarm();
  }
  return parts.length === 1 ? parts[0]!.toString("utf8") : Buffer.concat(parts).toString("utf8");
}
