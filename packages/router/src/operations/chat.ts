// Chat, non-streaming: the plan executeRequest runs, and what chat and stream plans share.
import { type ChatRequest, type ChatResponse, chatResponse } from "@switchyard/wire";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { costUpperBound } from "../engine/budget.ts";
import { costFromUsage } from "../engine/cost.ts";
import type { EngineDeps } from "../engine/engineDeps.ts";
import { executeRequest } from "../engine/executeRequest.ts";
import type { AttemptSuccess, Plan } from "../engine/plan.ts";
import { RequestContext } from "../engine/requestContext.ts";
import { RouterError } from "../errors.ts";
import { neededCapabilities } from "../selection/requestNeeds.ts";
import { resolveChatModel } from "../selection/resolveModel.ts";
import type { CandidateQuery } from "../selection/selectCandidates.ts";
import { estimateChatTokens, hasImageInput } from "../selection/tokenEstimate.ts";
import type { ChatResult, RequestOptions, RoutingMeta } from "../types.ts";
import { chatBody } from "../upstream/upstreamBodies.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import { safeJson, validator } from "../validate.ts";
import { toolCallsOf } from "./toolCalls.ts";

const maxChatBodyBytes = 32 * 1024 * 1024;
const checkChatResponse = validator(chatResponse);

/** Resolves the model (classifier for "auto") and records the verdict on the context. */
async function resolveForChat(deps: EngineDeps, ctx: RequestContext, req: ChatRequest): Promise<string[]> {
  const resolved = await resolveChatModel(
    deps.live,
    req.model,
    req.messages,
    req.models,
    deps.classify,
    ctx.options.embedding,
  );
  ctx.tier = resolved.tier;
  if (resolved.verdict) {
    ctx.score = resolved.verdict.score;
    ctx.reasons = resolved.verdict.reasons;
    ctx.threshold = resolved.verdict.threshold;
  }
  return resolved.modelIds;
}

/** `extraPromptChars`: what a plan adds to the prompt beyond the request (structured()'s instruction). */
export function chatQuery(
  req: ChatRequest,
  options: RequestOptions,
  defaultMaxTokens: number,
  extraPromptChars = 0,
) {
  const promptTokens = estimateChatTokens(req) + Math.ceil(extraPromptChars / 3);
  const outputTokens = req.max_completion_tokens ?? req.max_tokens ?? defaultMaxTokens;
  return {
    promptTokens,
    outputTokens,
    query: {
      capability: "chat" as const,
      needsVision: hasImageInput(req.messages),
      needs: neededCapabilities(req),
      contextTokens: promptTokens + (req.max_completion_tokens ?? req.max_tokens ?? 0),
      options,
    },
  };
}

/**
 * What every chat plan shares, streaming or not: model resolution, the candidate query, the budget
 * estimate and the upstream body.
 */
export abstract class ChatPlanBase<V, R> implements Plan<V, R> {
  readonly query: CandidateQuery;
  abstract readonly stream: boolean;
  abstract readonly identity: unknown;
  protected readonly deps: EngineDeps;
  protected readonly ctx: RequestContext;
  protected readonly req: ChatRequest;
  readonly #promptTokens: number;
  readonly #outputTokens: number;

  constructor(deps: EngineDeps, ctx: RequestContext, req: ChatRequest, extraPromptChars = 0) {
    this.deps = deps;
    this.ctx = ctx;
    this.req = req;
    const q = chatQuery(req, ctx.options, deps.budget?.limits.defaultMaxTokens ?? 1024, extraPromptChars);
    this.query = q.query;
    this.#promptTokens = q.promptTokens;
    this.#outputTokens = q.outputTokens;
  }

  resolve(): Promise<string[]> {
    return resolveForChat(this.deps, this.ctx, this.req);
  }

  estimateUsd(candidates: LiveRoute[]): number {
    return costUpperBound(candidates, this.#promptTokens, this.#outputTokens);
  }

  path(): string {
    return "/chat/completions";
  }

  /** The upstream body as an object (the structured plan adds to it per route). */
  protected upstreamBody(route: LiveRoute): Record<string, unknown> {
    const body = chatBody(this.deps.live, this.req, route, this.ctx.options, this.stream);
    // Under a budget the reservation assumed this many output tokens: the call may not produce more.
    if (this.deps.budget && this.req.max_tokens == null && this.req.max_completion_tokens == null) {
      body.max_tokens = this.#outputTokens;
    }
    return body;
  }

  body(route: LiveRoute): string {
    return JSON.stringify(this.upstreamBody(route));
  }

  abstract consume(call: UpstreamCall, route: LiveRoute, startedAt: number): Promise<AttemptSuccess<V>>;
}

/** The plan of one non-streaming chat call. */
class ChatPlan extends ChatPlanBase<ChatResponse, ChatResult> {
  readonly stream = false;

  get identity(): unknown {
    return this.req;
  }

  consume(call: UpstreamCall, route: LiveRoute, startedAt: number): Promise<AttemptSuccess<ChatResponse>> {
    return readChatResponse(this.ctx, call, route, startedAt);
  }

  build(response: ChatResponse, routing: RoutingMeta): ChatResult {
    return chatResult(response, routing);
  }
}

/** Reads and checks a non-streaming chat answer. */
export async function readChatResponse(
  ctx: RequestContext,
  call: UpstreamCall,
  route: LiveRoute,
  startedAt: number,
): Promise<AttemptSuccess<ChatResponse>> {
  const text = await call.text(ctx.timeouts.idleMs, maxChatBodyBytes);
  const ttftMs = performance.now() - startedAt;
  const parsed = checkChatResponse(safeJson(text));
  if (!parsed.success) {
    throw new RouterError("upstream_bad_response", `${route.route.endpoint} sent a malformed chat response.`);
  }
  return { value: parsed.data, usage: costFromUsage(route.model, parsed.data.usage), ttftMs };
}

export function chatResult(response: ChatResponse, routing: RoutingMeta): ChatResult {
  return {
    response,
    text: response.choices[0]?.message.content ?? "",
    toolCalls: toolCallsOf(response),
    routing,
  };
}

export function chat(deps: EngineDeps, req: ChatRequest, options: RequestOptions): Promise<ChatResult> {
  const ctx = new RequestContext("chat", req.model, options, deps.appName, deps.policy.timeouts);
  return executeRequest(deps, ctx, new ChatPlan(deps, ctx, req));
}
