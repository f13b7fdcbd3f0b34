// POST /v1/images/generations (OpenAI shape): procedural PNGs returned as b64_json.
import { imageRequest } from "@switchyard/wire";
import { imageBytes } from "./mislabelledImage.ts";
import { checkModeration } from "./moderation.ts";
import { costOf } from "./pricing.ts";
import { DEFAULT_IMAGE_SIZE, MAX_IMAGE_SIDE, MIN_IMAGE_SIDE, parseSize } from "./proceduralImage.ts";
import { invalidRequest, ProviderError, sendJson } from "./providerError.ts";
import { findModel } from "./providerProfiles.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { providerMetadata, type RequestContext } from "./requestContext.ts";
import { sleep } from "./sleep.ts";

export async function imageGenerations(ctx: RequestContext) {
  const parsed = imageRequest.safeParse(await readJsonBody(ctx.req, ctx.profiles.maxBodyBytes));
  if (!parsed.success) throw invalidRequest(parsed.error);
  const body = parsed.data;
  ctx.entry.model = body.model;
  const spec = findModel(ctx.profiles, body.model, ["image"]);
  const metadata = providerMetadata(ctx, body.model);
  const size = parseSize(body.size ?? DEFAULT_IMAGE_SIZE);
  if (!size) {
    throw new ProviderError(
      400,
      "invalid_request",
      `Unsupported size "${body.size}": use WIDTHxHEIGHT with each side from ${MIN_IMAGE_SIDE} to ${MAX_IMAGE_SIDE}.`,
      metadata,
    );
  }
  checkModeration(body.prompt, ctx.profiles.moderation.blocklist, metadata);
  ctx.endpoint.admit(metadata);
  const f = ctx.endpoint.faults;
  await sleep(f.hangBeforeFirstTokenMs + ctx.endpoint.jittered(f.imageMs), ctx.signal);
  const n = body.n ?? 1;
  const seed = body.seed ?? 0;
  // There is no file host offline: "url" gets a data URL, which browsers and fetch both accept.
  const data = Array.from({ length: n }, (_, i) => {
    const b64 = imageBytes(f.imageContent, body.prompt, seed + i, size.width, size.height).toString("base64");
    const image =
      body.response_format === "url" ? { url: `data:image/png;base64,${b64}` } : { b64_json: b64 };
    return { ...image, revised_prompt: body.prompt };
  });
  const cost = costOf(spec, ctx.endpoint, { images: n });
  ctx.endpoint.charge(cost);
  sendJson(ctx.res, 200, {
    created: Math.floor(Date.now() / 1000),
    id: ctx.requestId,
    model: body.model,
    provider: ctx.endpoint.provider,
    data,
    usage: { images: n, cost },
    x_switchyard: {
      endpoint: ctx.endpoint.name,
      simulated: true,
      size: `${size.width}x${size.height}`,
      seed,
    },
  });
}
