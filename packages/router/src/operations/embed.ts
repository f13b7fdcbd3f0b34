// Embeddings: the plan executeRequest runs. Embeddings are returned as number arrays whatever the
// upstream's encoding; the raw response keeps the upstream's form for the fetch face.
import {
  decodeEmbedding,
  type EmbeddingRequest,
  type EmbeddingResponse,
  embeddingResponse,
} from "@switchyard/wire";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { costUpperBound } from "../engine/budget.ts";
import { costFromUsage } from "../engine/cost.ts";
import type { EngineDeps } from "../engine/engineDeps.ts";
import { executeRequest } from "../engine/executeRequest.ts";
import type { AttemptSuccess, Plan } from "../engine/plan.ts";
import { RequestContext } from "../engine/requestContext.ts";
import { RouterError } from "../errors.ts";
import { resolveDefaultModel } from "../selection/resolveModel.ts";
import type { CandidateQuery } from "../selection/selectCandidates.ts";
import { estimateTextTokens } from "../selection/tokenEstimate.ts";
import type { EmbedResult, RequestOptions, RoutingMeta } from "../types.ts";
import { embeddingBody } from "../upstream/upstreamBodies.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import { safeJson, validator } from "../validate.ts";

const maxEmbeddingBodyBytes = 256 * 1024 * 1024;
const checkEmbeddingResponse = validator(embeddingResponse);

/** The plan of one embeddings call. */
class EmbedPlan implements Plan<EmbeddingResponse, EmbedResult> {
  readonly stream = false;
  readonly query: CandidateQuery;
  readonly identity: EmbeddingRequest;
  readonly #deps: EngineDeps;
  readonly #ctx: RequestContext;
  readonly #promptTokens: number;

  constructor(deps: EngineDeps, ctx: RequestContext, req: EmbeddingRequest) {
    this.#deps = deps;
    this.#ctx = ctx;
    this.identity = req;
    this.query = { capability: "embeddings", needsVision: false, contextTokens: 0, options: ctx.options };
    this.#promptTokens = estimateTextTokens(req.input);
  }

  async resolve(): Promise<string[]> {
    const live = this.#deps.live;
    return resolveDefaultModel(live, this.identity.model, live.catalog.defaults.embeddings);
  }

  estimateUsd(candidates: LiveRoute[]): number {
    return costUpperBound(candidates, this.#promptTokens, 0);
  }

  path(): string {
    return "/embeddings";
  }

  body(route: LiveRoute): string {
    return JSON.stringify(embeddingBody(this.identity, route));
  }

  async consume(
    call: UpstreamCall,
    route: LiveRoute,
    startedAt: number,
  ): Promise<AttemptSuccess<EmbeddingResponse>> {
    const text = await call.text(this.#ctx.timeouts.idleMs, maxEmbeddingBodyBytes);
    const parsed = checkEmbeddingResponse(safeJson(text));
    if (!parsed.success) {
      throw new RouterError(
        "upstream_bad_response",
        `${route.route.endpoint} sent a malformed embeddings response.`,
      );
    }
    // `model` names the vector space: the local model's vectors differ from the hosted one's.
    const model = route.account.kind === "local" ? route.route.upstreamModel : route.model.id;
    return {
      value: { ...parsed.data, model },
      usage: costFromUsage(route.model, parsed.data.usage),
      ttftMs: performance.now() - startedAt,
    };
  }

  build(response: EmbeddingResponse, routing: RoutingMeta): EmbedResult {
    return {
      embeddings: [...response.data]
        .sort((a, b) => a.index - b.index)
        .map((d) => decodeEmbedding(d.embedding)),
      model: response.model,
      response,
      routing,
    };
  }
}

export function embed(
  deps: EngineDeps,
  req: EmbeddingRequest,
  options: RequestOptions,
): Promise<EmbedResult> {
  const ctx = new RequestContext("embed", req.model, options, deps.appName, deps.policy.timeouts);
  return executeRequest(deps, ctx, new EmbedPlan(deps, ctx, req));
}
