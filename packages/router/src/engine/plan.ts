// What an operation (operations/chat, stream, embed, image) hands executeRequest, and what a
// successful attempt gives back. Every operation's plan is a class with one instance per request:
// the skeleton calls its methods for each step (README, Overhead).
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import type { CandidateQuery } from "../selection/selectCandidates.ts";
import type { BudgetReservation } from "../stores/types.ts";
import type { RoutingMeta } from "../types.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import type { UsageFigures } from "./cost.ts";

export interface Plan<V, R> {
  /** What identifies the request for idempotency (the request body); undefined: not idempotent. */
  readonly identity: unknown;
  readonly query: CandidateQuery;
  /** A streaming call: its response headers get the first-token timeout instead of the response timeout. */
  readonly stream: boolean;
  /** Resolves the models to try (may consult the classifier and set ctx.tier/score). */
  resolve(): Promise<string[]>;
  /** Upper bound of the cost for the budget reservation. */
  estimateUsd(candidates: LiveRoute[]): number;
  /** Path under the route's base URL, e.g. "/chat/completions". */
  path(route: LiveRoute): string;
  body(route: LiveRoute): string;
  /** Reads a 2xx response. A stream resolves once its first token arrived. */
  consume(call: UpstreamCall, route: LiveRoute, startedAt: number): Promise<AttemptSuccess<V>>;
  /** The caller's result of a finished call or an idempotent replay (a stream has none: see opened). */
  build?(value: V, routing: RoutingMeta): R;
  /**
   * A stream's result once its first token arrived (the attempt is still open): its reader writes
   * the ledger rows and settles the budget reservation when the stream ends.
   */
  opened?(win: AttemptWin<V>, reservation: BudgetReservation | null): R;
}

export interface AttemptSuccess<T> {
  value: T;
  usage: UsageFigures | null;
  ttftMs: number | null;
  /** Streams: the attempt row and final health sample are written when the stream ends. */
  open?: boolean;
}

export interface AttemptWin<T> extends AttemptSuccess<T> {
  route: LiveRoute;
  attempt: number;
  call: UpstreamCall;
  attemptStartedAt: number;
}
