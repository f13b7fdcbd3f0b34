// POST /v1/embeddings: real Universal Sentence Encoder lite vectors (512-d), as floats or base64.
import { embeddingRequest, encodeEmbedding } from "@switchyard/wire";
import { embedTexts, LOCAL_EMBEDDING_DIMENSIONS } from "./embedder.ts";
import { costOf } from "./pricing.ts";
import { invalidRequest, ProviderError, sendJson } from "./providerError.ts";
import { findModel } from "./providerProfiles.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { providerMetadata, type RequestContext } from "./requestContext.ts";
import { sleep } from "./sleep.ts";
import { estimateTokens } from "./tokens.ts";

export async function embeddings(ctx: RequestContext) {
  const parsed = embeddingRequest.safeParse(await readJsonBody(ctx.req, ctx.profiles.maxBodyBytes));
  if (!parsed.success) throw invalidRequest(parsed.error);
  const body = parsed.data;
  ctx.entry.model = body.model;
  const spec = findModel(ctx.profiles, body.model, ["embedding"]);
  if (body.dimensions !== undefined && body.dimensions !== LOCAL_EMBEDDING_DIMENSIONS) {
    throw new ProviderError(
      400,
      "invalid_request",
      `${body.model} produces ${LOCAL_EMBEDDING_DIMENSIONS}-dimensional vectors; omit "dimensions" or set it to ${LOCAL_EMBEDDING_DIMENSIONS}.`,
      { supported_dimensions: [LOCAL_EMBEDDING_DIMENSIONS] },
    );
  }
  ctx.endpoint.admit(providerMetadata(ctx, body.model));
  const inputs = typeof body.input === "string" ? [body.input] : body.input;
  await sleep(ctx.endpoint.faults.hangBeforeFirstTokenMs, ctx.signal);
  const vectors = await embedTexts(inputs);
  const tokens = inputs.reduce((sum, text) => sum + estimateTokens(text), 0);
  const cost = costOf(spec, ctx.endpoint, { promptTokens: tokens });
  ctx.endpoint.charge(cost);
  const base64 = body.encoding_format === "base64";
  sendJson(ctx.res, 200, {
    object: "list",
    id: ctx.requestId,
    model: body.model,
    provider: ctx.endpoint.provider,
    data: vectors.map((v, index) => ({
      object: "embedding",
      index,
      embedding: base64 ? encodeEmbedding(v) : v,
    })),
    usage: { prompt_tokens: tokens, total_tokens: tokens, cost },
  });
}
