// Streaming chat. Failover is allowed until the first token: the engine reads each attempt's stream
// until it carries text (or ends), and only then hands it to the caller. After that, an upstream
// failure becomes a typed `stream_interrupted` error, never a silently truncated stream. Usage is
// taken from whichever chunk carries it, including the trailing one after `finish_reason`.
import type { ChatRequest } from "@switchyard/wire";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { costFromUsage, type UsageFigures } from "../engine/cost.ts";
import type { EngineDeps } from "../engine/engineDeps.ts";
import { executeRequest } from "../engine/executeRequest.ts";
import type { AttemptSuccess, AttemptWin } from "../engine/plan.ts";
import { RequestContext } from "../engine/requestContext.ts";
import { RouterError } from "../errors.ts";
import type { BudgetReservation } from "../stores/types.ts";
import type { RequestOptions, RouterStream, RoutingMeta, StreamDelta, StreamResult } from "../types.ts";
import { isFirstToken, type SseChunk, sseChunks } from "../upstream/sseChunks.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import { ChatPlanBase, chatQuery } from "./chat.ts";
import { ToolCallAccumulator } from "./toolCalls.ts";

interface OpenStream {
  gen: AsyncGenerator<SseChunk>;
  buffered: SseChunk[];
}

interface Committed {
  win: AttemptWin<OpenStream>;
  reservation: BudgetReservation | null;
  ttftMs: number;
  meta: RoutingMeta;
}

const noop = () => undefined;

/** The plan of a stream: an attempt succeeds once its first token arrived, and stays open. */
class StreamPlan extends ChatPlanBase<OpenStream, Committed> {
  readonly stream = true;
  readonly identity = undefined;

  /**
   * Reads the stream until it carries text (or its finish_reason): failover stays possible until
   * then. A stream that ends before either is a failed attempt, so an empty 200 fails over too.
   */
  async consume(
    call: UpstreamCall,
    route: LiveRoute,
    startedAt: number,
  ): Promise<AttemptSuccess<OpenStream>> {
    const t = this.ctx.timeouts;
    // Headers came within firstTokenMs; the rest of that budget is for the first token.
    const left = Math.max(1, Math.ceil(t.firstTokenMs - (performance.now() - startedAt)));
    call.arm(left, "timeout_first_token", "no first token from the endpoint in time");
    const gen = sseChunks(call, route.route.endpoint);
    const buffered: SseChunk[] = [];
    for (;;) {
      const next = await gen.next();
      if (next.done) {
        throw new RouterError("upstream_bad_response", `${route.route.endpoint} sent an empty stream.`);
      }
      buffered.push(next.value);
      if (isFirstToken(next.value.chunk)) break;
    }
    call.arm(t.idleMs, "timeout_idle", "the stream went silent");
    return {
      value: { gen, buffered },
      usage: null,
      ttftMs: performance.now() - startedAt,
      open: true,
    };
  }

  opened(win: AttemptWin<OpenStream>, reservation: BudgetReservation | null): Committed {
    const ctx = this.ctx;
    const ttftMs = performance.now() - ctx.startedAt;
    return { win, reservation, ttftMs, meta: ctx.meta(win.route, null, ttftMs, ctx.elapsed(), 0) };
  }
}

class RouterStreamImpl implements RouterStream {
  readonly started: Promise<RoutingMeta>;
  readonly result: Promise<StreamResult>;
  #settle!: { resolve: (r: StreamResult) => void; reject: (e: unknown) => void };
  #committed: Promise<Committed>;
  #deps: EngineDeps;
  #ctx: RequestContext;
  #req: ChatRequest;
  /** idle until someone reads; abandoned when the caller left before reading (its rows are written then). */
  #state: "idle" | "reading" | "abandoned" = "idle";
  readonly #onAbort = () => {
    if (this.#state === "idle") void this.#abandon();
  };

  constructor(deps: EngineDeps, ctx: RequestContext, req: ChatRequest, committed: Promise<Committed>) {
    this.#deps = deps;
    this.#ctx = ctx;
    this.#req = req;
    this.#committed = committed;
    this.started = committed.then((c) => c.meta);
    this.result = new Promise((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // Callers may use only the iterator or only the promises; neither may cause unhandled rejections.
    this.started.catch(noop);
    this.result.catch(noop);
    committed.catch((err) => this.#settle.reject(err));
    // A caller that aborts after the first token but before reading: nobody else would close and record it.
    ctx.options.signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamDelta> {
    const reader = this.#read();
    let begun = false;
    return {
      next: () => {
        begun = true;
        return reader.next();
      },
      // An async generator's return() before its first next() skips its body, bookkeeping included.
      return: async (value?: unknown) => {
        if (!begun && this.#state === "idle") await this.#abandon();
        begun = true;
        return reader.return(value);
      },
      throw: (err?: unknown) => {
        begun = true;
        return reader.throw(err);
      },
    };
  }

  async *#read(): AsyncGenerator<StreamDelta> {
    if (this.#state === "abandoned")
      throw new RouterError("aborted", "The caller stopped reading the stream.");
    if (this.#state === "reading")
      throw new RouterError("invalid_request", "A router stream can be iterated only once.");
    this.#state = "reading";
    const c = await this.#committed;
    const { gen, buffered } = c.win.value;
    const call = c.win.call;
    let text = "";
    let finishReason: string | null = null;
    let usageChunk: SseChunk["chunk"]["usage"] = null;
    let failure: RouterError | null = null;
    let finished = false;
    // Made at the first tool-call piece: a text-only stream allocates nothing for them.
    let calls: ToolCallAccumulator | null = null;
    const track = (sc: SseChunk): StreamDelta => {
      const choice = sc.chunk.choices[0];
      const piece = choice?.delta.content ?? "";
      text += piece;
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (sc.chunk.usage) usageChunk = sc.chunk.usage;
      const toolCalls = choice?.delta.tool_calls;
      if (!toolCalls || toolCalls.length === 0)
        return { type: "delta", text: piece, chunk: sc.chunk, raw: sc.raw };
      calls ??= new ToolCallAccumulator();
      calls.add(toolCalls);
      return { type: "delta", text: piece, chunk: sc.chunk, raw: sc.raw, toolCalls };
    };
    try {
      for (const sc of buffered) yield track(sc);
      for await (const sc of gen) {
        call.refresh();
        yield track(sc);
        call.refresh();
      }
      finished = true;
    } catch (err) {
      failure = this.#interrupted(err, c, text);
    } finally {
      if (!finished && !failure) await gen.return(undefined).catch(noop);
      call.close();
      const outcome = finished ? "ok" : failure && failure.code !== "aborted" ? "error" : "client_closed";
      const accumulated = calls as ToolCallAccumulator | null;
      const usage = this.#usage(c, usageChunk, text.length + (accumulated?.argumentChars() ?? 0));
      const routing = this.#finish(c, outcome, failure, usage);
      if (failure) {
        failure.routing = routing;
        this.#settle.reject(failure);
      } else if (finished) {
        this.#settle.resolve({ text, toolCalls: accumulated?.calls() ?? [], finishReason, routing });
      } else {
        this.#settle.reject(new RouterError("aborted", "The caller stopped reading the stream.", {}));
      }
    }
    if (failure) throw failure;
  }

  /**
   * The caller left after the first token without reading (its signal aborted, or it closed the
   * iterator unread, as a handler's response does when the client disconnects): close the upstream
   * call, write the ledger rows and settle the budget hold, as a reader would have.
   */
  async #abandon(): Promise<void> {
    this.#state = "abandoned";
    let c: Committed;
    try {
      c = await this.#committed;
    } catch {
      return; // failed before its first token: the engine wrote the rows
    }
    const { gen, buffered } = c.win.value;
    await gen.return(undefined).catch(noop);
    c.win.call.close();
    const text = buffered.map((sc) => sc.chunk.choices[0]?.delta.content ?? "").join("");
    const aborted = new RouterError("aborted", "The caller stopped reading the stream.");
    aborted.routing = this.#finish(c, "client_closed", aborted, this.#usage(c, null, text.length));
    this.#settle.reject(aborted);
  }

  #interrupted(err: unknown, c: Committed, text: string): RouterError {
    const cause =
      err instanceof RouterError
        ? err
        : new RouterError("upstream_error", "The stream failed.", { cause: err });
    if (cause.code === "aborted") return cause;
    return new RouterError(
      "stream_interrupted",
      `The answer from ${c.win.route.model.id} broke off after ${text.length} characters (${cause.code}). Retry to get a full answer.`,
      { details: { cause: cause.code, endpoint: c.win.route.route.endpoint }, cause },
    );
  }

  /** `outputChars`: the answer's text plus its tool calls' names and arguments. */
  #usage(c: Committed, usage: SseChunk["chunk"]["usage"], outputChars: number): UsageFigures {
    if (usage) return costFromUsage(c.win.route.model, usage);
    // No usage chunk (the stream broke or the upstream omits it): estimate, so spend is not lost.
    const prompt = chatQuery(this.#req, this.#ctx.options, 0).promptTokens;
    return costFromUsage(c.win.route.model, {
      prompt_tokens: prompt,
      completion_tokens: Math.ceil(outputChars / 4),
    });
  }

  #finish(
    c: Committed,
    outcome: "ok" | "error" | "client_closed",
    failure: RouterError | null,
    usage: UsageFigures,
  ): RoutingMeta {
    const { route, attempt, attemptStartedAt } = c.win;
    const ctx = this.#ctx;
    ctx.options.signal?.removeEventListener("abort", this.#onAbort);
    const latency = performance.now() - attemptStartedAt;
    const attemptTtft = c.win.ttftMs;
    if (outcome === "ok") route.health.recordSuccess(latency, attemptTtft, usage.completionTokens);
    else if (outcome === "error") route.health.recordFailure(Date.now());
    ctx.attemptRow(route, attempt, outcome, failure?.code ?? null, usage, attemptTtft, latency);
    const routing = ctx.finish(route, outcome, failure?.code ?? null, usage, c.ttftMs);
    this.#deps.ledger.write(ctx.rows);
    if (c.reservation) this.#deps.budget!.store.settle(c.reservation, routing.costUsd).catch(noop);
    return routing;
  }
}

export function stream(deps: EngineDeps, req: ChatRequest, options: RequestOptions): RouterStream {
  const ctx = new RequestContext("stream", req.model, options, deps.appName, deps.policy.timeouts);
  return new RouterStreamImpl(deps, ctx, req, executeRequest(deps, ctx, new StreamPlan(deps, ctx, req)));
}
