// POST /api/images/generate: one image per request, for the signed-in user. Body: {prompt, aspect, size,
// style, model, seed}; header Idempotency-Key (required: a repeat returns the same image and never pays
// twice). Rate-limited per user and per IP; the user's daily budget is held by the router (402).
import { ApiError, apiRoute, idempotencyKeyOf, readJson } from "@switchyard/server";
import { toImageRecord } from "@/lib/gallery/imageRecord.ts";
import { generationErrorResponse } from "@/lib/generation/imageErrors.ts";
import { generateRequestSchema } from "@/lib/generation/imageOptions.ts";
import { imageServices } from "@/lib/imageServices.ts";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ rateLimit: "generate" }, async (req, { user }) => {
  try {
    const idempotencyKey = idempotencyKeyOf(req);
    if (!idempotencyKey) {
      throw new ApiError(
        "idempotency_key_required",
        "Send an Idempotency-Key header so a retry never generates twice.",
        400,
      );
    }
    const input = await readJson(req, generateRequestSchema);
    const { generator } = await imageServices();
    const { image, replay } = await generator.generate(input, { user, idempotencyKey });
    return Response.json({ image: toImageRecord(image), replay });
  } catch (err) {
    return generationErrorResponse(err);
  }
});
