// Embeddings: a Plan for executeRequest. Embeddings are returned as number arrays whatever the
// upstream's encoding; the raw response keeps the upstream's form for the fetch face.
import {
  decodeEmbedding,
  type EmbeddingRequest,
  type EmbeddingResponse,
  embeddingResponse,
} from "@switchyard/wire";
import { RouterError } from "../errors.ts";
import { resolveDefaultModel } from "../policy/resolveModel.ts";
import { estimateTextTokens } from "../policy/tokenEstimate.ts";
import type { EmbedResult, RequestOptions } from "../types.ts";
import { validator } from "../validate.ts";
import { costUpperBound } from "./budget.ts";
import { safeJson } from "./chat.ts";
import { costFromUsage } from "./cost.ts";
import type { EngineDeps } from "./engineDeps.ts";
import { executeRequest, type Plan } from "./executeRequest.ts";
import { RequestContext } from "./requestContext.ts";
import { embeddingBody } from "./upstreamBodies.ts";

const checkEmbeddingResponse = validator(embeddingResponse);

export function embed(
  deps: EngineDeps,
  req: EmbeddingRequest,
  options: RequestOptions,
): Promise<EmbedResult> {
  const ctx = new RequestContext("embed", req.model, options, deps.appName, deps.policy.timeouts);
  const promptTokens = estimateTextTokens(req.input);
  const plan: Plan<EmbeddingResponse, EmbedResult> = {
    identity: req,
    resolve: async () => resolveDefaultModel(deps.live, req.model, deps.live.catalog.defaults.embeddings),
    query: { capability: "embeddings", needsVision: false, contextTokens: 0, options },
    estimateUsd: (candidates) => costUpperBound(candidates, promptTokens, 0),
    spec: {
      path: () => "/embeddings",
      stream: false,
      body: (route) => JSON.stringify(embeddingBody(req, route)),
      consume: async (call, route, startedAt) => {
        const text = await call.text(ctx.timeouts.idleMs, 256 * 1024 * 1024);
        const parsed = checkEmbeddingResponse(safeJson(text));
        if (!parsed.success) {
          throw new RouterError(
            "upstream_bad_response",
            `${route.route.endpoint} sent a malformed embeddings response.`,
          );
        }
        // `model` names the vector space: the local model's vectors differ from the hosted one's.
        const model = route.account.kind === "local" ? route.route.upstreamModel : route.model.id;
        const value = { ...parsed.data, model };
        return {
          value,
          usage: costFromUsage(route.model, parsed.data.usage),
          ttftMs: performance.now() - startedAt,
        };
      },
    },
    build: (response, routing) => ({
      embeddings: [...response.data]
        .sort((a, b) => a.index - b.index)
        .map((d) => decodeEmbedding(d.embedding)),
      model: response.model,
      response,
      routing,
    }),
  };
  return executeRequest(deps, ctx, plan);
}
