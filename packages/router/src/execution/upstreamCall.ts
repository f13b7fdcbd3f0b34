// One HTTP call to an upstream over node:http(s) with keep-alive, so the router can tell a connect
// timeout from a slow first byte. One timer per call serves every phase (connect, headers, idle) and
// the request's total deadline: re-arming only moves the due times, and the timer is rescheduled
// only when it would fire too late: a non-streaming call sets two setTimeouts, one when it is
// sent (headers phase) and one when its body starts (the shorter idle phase).
// fail() ends the call with a typed error from any phase: the pending promise or the body reader
// throws it.
// No closures per call: the request and response carry their call (or body reader) under a symbol,
// and the event listeners are shared functions that read it from `this`. A thousand calls waiting
// on slow upstreams then keep less alive, which shortens every young-generation GC pause.
import type { ClientRequest, IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
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

/** The request's total deadline and the caller's cancel signal, both ending the call. */
export interface CallLimits {
  /** performance.now() time at which the call fails with `timeout_total`. */
  deadlineAt: number;
  /** The request's whole budget, for the message. */
  totalMs: number;
  signal?: AbortSignal | undefined;
}

interface Target {
  secure: boolean;
  protocol: string;
  hostname: string;
  port: string;
  path: string;
  auth: string | undefined;
}

// Parsing the same few upstream URLs on every call is measurable; they come from the catalog, so
// the cache stays small (capped anyway). Keyed by base URL, then path: no string built per call.
const targets = new Map<string, Map<string, Target>>();

function targetFor(baseUrl: string, path: string): Target {
  let byPath = targets.get(baseUrl);
  if (!byPath) {
    if (targets.size >= 256) targets.clear();
    byPath = new Map();
    targets.set(baseUrl, byPath);
  }
  let target = byPath.get(path);
  if (!target) {
    const u = new URL(`${baseUrl}${path}`);
    target = {
      secure: u.protocol === "https:",
      protocol: u.protocol,
      hostname: u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname,
      port: u.port,
      path: `${u.pathname}${u.search}`,
      auth:
        u.username || u.password
          ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`
          : undefined,
    };
    byPath.set(path, target);
  }
  return target;
}

const kCall = Symbol("switchyard.upstreamCall");
const kReader = Symbol("switchyard.bodyReader");
type CallRequest = ClientRequest & { [kCall]?: UpstreamCall };
type ReadResponse = IncomingMessage & { [kReader]?: BodyReader };

export class UpstreamCall {
  #req: ClientRequest | null = null;
  #res: IncomingMessage | null = null;
  #failed: RouterError | null = null;
  #timer: NodeJS.Timeout | null = null;
  /** When the pending timer fires (performance.now() clock). */
  #timerAt = Number.POSITIVE_INFINITY;
  #phaseAt = Number.POSITIVE_INFINITY;
  #phaseMs = 0;
  #phaseCode: RouterErrorCode = "timeout_idle";
  #phaseMessage = "";
  readonly #limits: CallLimits | null;
  #resolve: ((res: IncomingMessage) => void) | null = null;
  #reject: ((error: RouterError) => void) | null = null;
  #secure = false;
  #connectMs = 0;
  #headersMs = 0;
  #headersCode: RouterErrorCode = "timeout_first_token";

  constructor(limits?: CallLimits) {
    this.#limits = limits ?? null;
    limits?.signal?.addEventListener("abort", this, { once: true });
  }

  /** The caller's signal aborted (EventListener object: no closure per call). */
  handleEvent(): void {
    this.fail(new RouterError("aborted", "The caller cancelled the request."));
  }

  /** Sends the request to `baseUrl` + `path`; resolves with the response once headers arrive. */
  start(baseUrl: string, path: string, agents: Agents, o: CallOptions): Promise<IncomingMessage> {
    const t = targetFor(baseUrl, path);
    const headers: Record<string, string | number> = { ...o.headers };
    if (o.body !== undefined) headers["content-length"] = Buffer.byteLength(o.body);
    const req: CallRequest = (t.secure ? https : http).request({
      protocol: t.protocol,
      hostname: t.hostname,
      port: t.port,
      path: t.path,
      auth: t.auth,
      method: o.method,
      headers,
      agent: t.secure ? agents.https : agents.http,
    });
    req[kCall] = this;
    this.#req = req;
    this.#secure = t.secure;
    this.#connectMs = o.connectTimeoutMs;
    this.#headersMs = o.headersTimeoutMs;
    this.#headersCode = o.headersTimeoutCode;
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    if (this.#failed) req.destroy(this.#failed);
    // The headers phase starts at send (the timer starts here, not in the constructor); a reused
    // socket, assigned a tick later, does not re-arm it.
    this.#armHeaders();
    req.on("socket", onRequestSocket);
    req.on("response", onRequestResponse);
    req.on("error", onRequestError);
    req.end(o.body);
    return response;
  }

  /** The request got its socket. Only a fresh connection waits for "connect" (keep-alive reuse does not). */
  socketAssigned(socket: Socket): void {
    if (!socket.connecting) return;
    this.arm(this.#connectMs, "timeout_connect", "could not connect to the endpoint in time");
    socket.once(this.#secure ? "secureConnect" : "connect", () => this.#armHeaders());
  }

  #armHeaders(): void {
    this.arm(this.#headersMs, this.#headersCode, "no response from the endpoint in time");
  }

  responded(res: IncomingMessage): void {
    this.#res = res;
    this.disarm();
    this.#resolve?.(res);
  }

  requestFailed(err: Error): void {
    this.disarm();
    this.#reject?.(this.#failed ?? toRouterError(err));
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
    if (this.#failed) return;
    this.#failed = error;
    this.#stopTimer();
    if (this.#res) this.#res.destroy(error);
    else this.#req?.destroy(error);
  }

  /** The error that ended this call early (timeout, abort), if any. */
  get failure(): RouterError | null {
    return this.#failed;
  }

  /** Releases the connection after a body was fully read or abandoned, and the timer and signal. */
  close(): void {
    this.disarm();
    this.#stopTimer();
    this.#limits?.signal?.removeEventListener("abort", this);
    if (this.#res && !this.#res.complete) this.#res.destroy();
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

function onRequestSocket(this: CallRequest, socket: Socket): void {
  this[kCall]!.socketAssigned(socket);
}

function onRequestResponse(this: CallRequest, res: IncomingMessage): void {
  this[kCall]!.responded(res);
}

function onRequestError(this: CallRequest, err: Error): void {
  this[kCall]!.requestFailed(err);
}

/** The state of one readBody(); the response carries it for the shared listeners below. */
class BodyReader {
  readonly parts: Buffer[] = [];
  size = 0;
  settled = false;
  constructor(
    readonly call: UpstreamCall,
    readonly maxBytes: number,
    readonly resolve: (text: string) => void,
    readonly reject: (error: RouterError) => void,
  ) {}

  /** The first of end / error / close / too large settles; later events are ignored. */
  fail(error: RouterError): void {
    if (this.settled) return;
    this.settled = true;
    this.call.disarm();
    this.reject(error);
  }
}

function onBodyData(this: ReadResponse, chunk: Buffer): void {
  const r = this[kReader]!;
  if (r.settled) return;
  r.call.refresh();
  r.size += chunk.length;
  if (r.size > r.maxBytes) {
    r.fail(new RouterError("upstream_bad_response", "Upstream response too large."));
    this.destroy();
    return;
  }
  r.parts.push(chunk);
}

function onBodyEnd(this: ReadResponse): void {
  const r = this[kReader]!;
  if (r.settled) return;
  r.settled = true;
  r.call.disarm();
  r.resolve(r.parts.length === 1 ? r.parts[0]!.toString("utf8") : Buffer.concat(r.parts).toString("utf8"));
}

function onBodyError(this: ReadResponse, err: Error): void {
  const r = this[kReader]!;
  r.fail(r.call.failure ?? toRouterError(err));
}

// Closed before its end without an error event: the body was cut short. (Checked first: close
// follows every end, and building an error captures a stack.)
function onBodyClose(this: ReadResponse): void {
  const r = this[kReader]!;
  if (!r.settled) r.fail(r.call.failure ?? toRouterError(new Error("premature close")));
}

/**
 * Reads a whole body as text, re-arming the idle timer on each chunk; fails past maxBytes. Plain
 * stream events rather than `for await`: the async iterator costs a promise per chunk.
 */
export function readBody(
  res: IncomingMessage,
  call: UpstreamCall,
  idleMs: number,
  maxBytes: number,
): Promise<string> {
  call.arm(idleMs, "timeout_idle", "the endpoint stopped sending the response body");
  return new Promise((resolve, reject) => {
    const reader = new BodyReader(call, maxBytes, resolve, reject);
    if (res.destroyed)
      return reader.fail(call.failure ?? toRouterError(res.errored ?? new Error("premature close")));
    const r: ReadResponse = res;
    r[kReader] = reader;
    r.on("data", onBodyData);
    r.on("end", onBodyEnd);
    r.on("error", onBodyError);
    r.on("close", onBodyClose);
  });
}
