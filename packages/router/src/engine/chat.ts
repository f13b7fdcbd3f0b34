// Non-streaming chat: a Plan for executeRequest.
import { type ChatRequest, type ChatResponse, chatResponse } from "@switchyard/wire";
import { RouterError } from "../errors.ts";
import { readBody } from "../execution/upstreamCall.ts";
import { resolveChatModel } from "../policy/resolveModel.ts";
import { estimatePromptTokens, hasImageInput } from "../policy/tokenEstimate.ts";
import type { ChatResult, RequestOptions } from "../types.ts";
import { costUpperBound } from "./budget.ts";
import { costFromUsage } from "./cost.ts";
import type { EngineDeps } from "./engineDeps.ts";
import { executeRequest, type Plan } from "./executeRequest.ts";
import { RequestContext } from "./requestContext.ts";
import { chatBody } from "./upstreamBodies.ts";

const maxChatBodyBytes = 32 * 1024 * 1024;

/** Resolves the model (classifier for "auto") and records the verdict on the context. */
export async function resolveForChat(
  deps: EngineDeps,
  ctx: RequestContext,
  req: ChatRequest,
): Promise<string[]> {
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

export function chatQuery(req: ChatRequest, options: RequestOptions, defaultMaxTokens: number) {
  const promptTokens = estimatePromptTokens(req.messages);
  const outputTokens = req.max_completion_tokens ?? req.max_tokens ?? defaultMaxTokens;
  return {
    promptTokens,
    outputTokens,
    query: {
      capability: "chat" as const,
      needsVision: hasImageInput(req.messages),
      contextTokens: promptTokens + (req.max_completion_tokens ?? req.max_tokens ?? 0),
      options,
    },
  };
}

export function chat(deps: EngineDeps, req: ChatRequest, options: RequestOptions): Promise<ChatResult> {
  const ctx = new RequestContext("chat", req.model, options, deps.appName, deps.policy.timeouts);
  const { promptTokens, outputTokens, query } = chatQuery(
    req,
    options,
    deps.budget?.limits.defaultMaxTokens ?? 1024,
  );
  const plan: Plan<ChatResponse, ChatResult> = {
    identity: req,
    resolve: () => resolveForChat(deps, ctx, req),
    query,
    estimateUsd: (candidates) => costUpperBound(candidates, promptTokens, outputTokens),
    spec: {
      path: () => "/chat/completions",
      stream: false,
      body: (route) => JSON.stringify(chatBody(deps.live, req, route, options, false)),
      consume: async (res, call, route, startedAt) => {
        const text = await readBody(res, call, ctx.timeouts.idleMs, maxChatBodyBytes);
        const ttftMs = performance.now() - startedAt;
        const parsed = chatResponse.safeParse(safeJson(text));
        if (!parsed.success) {
          throw new RouterError(
            "upstream_bad_response",
            `${route.route.endpoint} sent a malformed chat response.`,
          );
        }
        return { value: parsed.data, usage: costFromUsage(route.model, parsed.data.usage), ttftMs };
      },
    },
    build: (response, routing) => ({ response, text: response.choices[0]?.message.content ?? "", routing }),
  };
  return executeRequest(deps, ctx, plan);
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
