// POST /api/images/generate: one image per request. Body: {prompt, aspect, size, style, model, seed};
// header Idempotency-Key (required: a repeat returns the same image and never pays twice).
import { ApiError, idempotencyKeyOf, readJson } from "@switchyard/server";
import { toImageRecord } from "@/lib/gallery/imageRecord.ts";
import { generationErrorResponse } from "@/lib/generation/imageErrors.ts";
import { generateRequestSchema } from "@/lib/generation/imageOptions.ts";
import { imageServices } from "@/lib/imageServices.ts";
import { currentOwner } from "@/lib/owner.ts";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
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
    const { image, replay } = await generator.generate(input, { owner: currentOwner(), idempotencyKey });
    return Response.json({ image: toImageRecord(image), replay });
  } catch (err) {
    return generationErrorResponse(err);
  }
}
