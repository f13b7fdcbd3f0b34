// One HTTP call to an upstream, dispatched through undici with keep-alive. The call is its own
// undici dispatch handler, with no streams or closures per call (README, Overhead).
// One timer per call serves every phase (connect, headers, idle) and the request's total deadline:
// re-arming only moves the due times, and the timer is rescheduled only when it would fire too
// late. undici's own header and body timers are off, so each timeout has one owner and one code.
// fail() ends the call with a typed error from any phase: start(), text() or the chunk iterator
// throws it.
import type { Dispatcher } from "undici";
import type { IncomingHttpHeaders } from "undici/types/header.js";
import { RouterError, type RouterErrorCode } from "../errors.ts";
import { targetFor } from "./dispatcher.ts";
import { toRouterError } from "./upstreamError.ts";

export interface CallOptions {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  connectTimeoutMs: number;
  /** From connected until response headers arrive. */
  headersTimeoutMs: number;
  headersTimeoutCode: RouterErrorCode;
}

/** The request's total deadline and the caller's cancel signal, both ending the call. */
export interface CallLimits {
  /** performance.now() time at which the call fails with `timeout_total`. */
  deadlineAt: number;
  /** The request's whole budget, for the message. */
  totalMs: number;
  signal?: AbortSignal | undefined;
}

// Until the response arrives (shared: an object per waiting call is memory kept for nothing).
const noHeaders: IncomingHttpHeaders = Object.freeze({});

// A stream consumer that falls this many chunks behind pauses the socket until it catches up.
const maxQueuedChunks = 64;

export class UpstreamCall implements Dispatcher.DispatchHandler {
  /** The response's status and headers, once start() resolved. */
  status = 0;
  headers: IncomingHttpHeaders = noHeaders;
  #controller: Dispatcher.DispatchController | null = null;
  #failed: RouterError | null = null;
  #ended = false;
  #timer: NodeJS.Timeout | null = null;
  /** When the pending timer fires (performance.now() clock). */
  #timerAt = Number.POSITIVE_INFINITY;
  #phaseAt = Number.POSITIVE_INFINITY;
  #phaseMs = 0;
  #phaseCode: RouterErrorCode = "timeout_idle";
  #phaseMessage = "";
  readonly #limits: CallLimits | null;
  #headersMs = 0;
  #headersCode: RouterErrorCode = "timeout_first_token";
  // Settles start(): set until the response headers (or a failure) arrive.
  #resolve: (() => void) | null = null;
  #reject: ((error: RouterError) => void) | null = null;
  // The body, kept as it arrives: text() joins it at the end, the chunk iterator drains it.
  #chunks: Buffer[] = [];
  #size = 0;
  #maxBytes = Number.POSITIVE_INFINITY;
  #streaming = false;
  /** A body reader waiting for more: text()'s settle, or the iterator's wake-up. */
  #waiter: (() => void) | null = null;

  constructor(limits?: CallLimits) {
    this.#limits = limits ?? null;
    limits?.signal?.addEventListener("abort", this, { once: true });
  }

  /** The caller's signal aborted (EventListener object: no closure per call). */
  handleEvent(): void {
    this.fail(new RouterError("aborted", "The caller cancelled the request."));
  }

  /** Sends the request to `baseUrl` + `path`; resolves once the response headers arrived. */
  start(baseUrl: string, path: string, dispatcher: Dispatcher, o: CallOptions): Promise<void> {
    const t = targetFor(baseUrl, path);
    this.#headersMs = o.headersTimeoutMs;
    this.#headersCode = o.headersTimeoutCode;
    const sent = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    if (this.#failed) {
      this.#settle();
      return sent;
    }
    const headers =
      t.authorization && !o.headers.authorization
        ? { ...o.headers, authorization: t.authorization }
        : o.headers;
    // Until undici has a connected socket for it (onRequestStart, at once on a reused one).
    this.arm(o.connectTimeoutMs, "timeout_connect", "could not connect to the endpoint in time");
    dispatcher.dispatch(
      {
        origin: t.origin,
        path: t.path,
        method: o.method,
        headers,
        body: o.body ?? null,
        headersTimeout: 0,
        bodyTimeout: 0,
      },
      this,
    );
    return sent;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#failed) controller.abort(this.#failed);
    else this.arm(this.#headersMs, this.#headersCode, "no response from the endpoint in time");
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200 && statusCode >= 100) return; // informational; the real answer follows
    this.status = statusCode;
    this.headers = headers;
    this.disarm();
    const resolve = this.#resolve;
    this.#resolve = null;
    this.#reject = null;
    resolve?.();
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#failed) return;
    this.refresh();
    this.#size += chunk.length;
    if (this.#tooLarge()) return;
    this.#chunks.push(chunk);
    if (!this.#streaming) return; // text() waits for the end
    if (this.#chunks.length >= maxQueuedChunks) controller.pause();
    this.#wake();
  }

  onResponseEnd(): void {
    this.#ended = true;
    this.disarm();
    this.#stopTimer();
    this.#wake();
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.#failed ??= toRouterError(err);
    this.#stopTimer();
    this.#settle();
  }

  /**
   * Reads the whole body as text, re-arming the idle timer on each chunk; fails past maxBytes.
   * Callback-driven rather than a stream, which would cost objects and a promise per chunk.
   */
  text(idleMs: number, maxBytes: number): Promise<string> {
    this.#maxBytes = maxBytes;
    if (!this.#ended && !this.#failed && !this.#tooLarge()) {
      this.arm(idleMs, "timeout_idle", "the endpoint stopped sending the response body");
    }
    return new Promise<string>((resolve, reject) => {
      const settle = () => {
        if (this.#failed) return reject(this.#failed);
        if (!this.#ended) return;
        this.#waiter = null;
        const parts = this.#chunks;
        resolve(parts.length === 1 ? parts[0]!.toString("utf8") : Buffer.concat(parts).toString("utf8"));
      };
      this.#waiter = settle;
      settle();
    });
  }

  /** The body's chunks as they arrive, for a stream; the socket pauses while the reader lags. */
  async *chunks(): AsyncGenerator<Buffer> {
    this.#streaming = true;
    for (;;) {
      if (this.#chunks.length > 0) {
        const chunk = this.#chunks.shift()!;
        if (this.#chunks.length === 0 && this.#controller?.paused) this.#controller.resume();
        yield chunk;
      } else if (this.#failed) {
        throw this.#failed;
      } else if (this.#ended) {
        return;
      } else {
        await new Promise<void>((resolve) => {
          this.#waiter = resolve;
        });
      }
    }
  }

  /** (Re)arms the phase timeout: unless re-armed or disarmed first, the call fails with `code` in `ms`. */
  arm(ms: number, code: RouterErrorCode, message: string): void {
    this.#phaseMs = ms;
    this.#phaseCode = code;
    this.#phaseMessage = message;
    this.#phaseAt = performance.now() + ms;
    this.#schedule();
  }

  /** Restarts the armed phase timeout from now (cheap: only moves its due time). */
  refresh(): void {
    if (this.#phaseAt !== Number.POSITIVE_INFINITY) this.#phaseAt = performance.now() + this.#phaseMs;
  }

  disarm(): void {
    this.#phaseAt = Number.POSITIVE_INFINITY;
  }

  fail(error: RouterError): void {
    if (this.#failed || this.#ended) return;
    this.#failed = error;
    this.#stopTimer();
    this.#controller?.abort(error);
    this.#settle();
  }

  /** The error that ended this call early (timeout, abort, network), if any. */
  get failure(): RouterError | null {
    return this.#failed;
  }

  /** Releases the connection after a body was fully read or abandoned, and the timer and signal. */
  close(): void {
    this.disarm();
    this.#stopTimer();
    this.#limits?.signal?.removeEventListener("abort", this);
    if (!this.#ended && !this.#failed) {
      this.#failed = new RouterError("aborted", "The body was abandoned.");
      this.#controller?.abort(this.#failed);
    }
  }

  /** Fails the call once the body read so far exceeds the reader's limit (chunks may come first). */
  #tooLarge(): boolean {
    if (this.#size <= this.#maxBytes) return false;
    this.fail(new RouterError("upstream_bad_response", "Upstream response too large."));
    return true;
  }

  /** Hands a failure to whoever waits: start()'s caller, or a body reader. */
  #settle(): void {
    const reject = this.#reject;
    this.#resolve = null;
    this.#reject = null;
    if (reject) reject(this.#failed!);
    else this.#wake();
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.();
  }

  /** Makes sure the timer fires no later than the earliest due time (a late-due one re-checks). */
  #schedule(): void {
    if (this.#failed) return;
    const dueAt = Math.min(this.#phaseAt, this.#limits?.deadlineAt ?? Number.POSITIVE_INFINITY);
    if (dueAt >= this.#timerAt || dueAt === Number.POSITIVE_INFINITY) return;
    if (this.#timer) clearTimeout(this.#timer);
    const ms = Math.max(1, Math.ceil(dueAt - performance.now()));
    this.#timer = setTimeout(UpstreamCall.#fire, ms, this);
    this.#timerAt = performance.now() + ms;
  }

  #stopTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  static #fire(call: UpstreamCall): void {
    call.#timer = null;
    call.#timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    const limits = call.#limits;
    if (limits && now >= limits.deadlineAt) {
      call.fail(deadlinePassed(limits.totalMs));
    } else if (now >= call.#phaseAt) {
      call.fail(new RouterError(call.#phaseCode, `${call.#phaseMessage} (${call.#phaseMs} ms)`));
    } else {
      call.#schedule();
    }
  }
}

/** The request's whole time budget ran out (`timeout_total`). */
export function deadlinePassed(totalMs: number): RouterError {
  return new RouterError("timeout_total", `The request's ${totalMs} ms deadline passed.`);
}
