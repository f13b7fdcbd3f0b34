// GET /api/images/:id/file serves the bytes; `?download=1` asks the browser to save them.
import { ApiError, errorResponse } from "@switchyard/server";
import { z } from "zod";
import { imageServices } from "@/lib/imageServices.ts";
import { currentOwner } from "@/lib/owner.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const id = z.uuid().parse((await ctx.params).id);
    const { repository, storage } = await imageServices();
    const image = await repository.get(currentOwner(), id);
    const stored = image ? await storage.get(image.storageKey) : null;
    if (!image || !stored) throw new ApiError("not_found", "That image does not exist (any more).", 404);
    const headers: Record<string, string> = {
      "content-type": image.mime,
      "content-length": String(stored.bytes.length),
      // Bytes under an id never change.
      "cache-control": "private, max-age=31536000, immutable",
    };
    if (new URL(req.url).searchParams.get("download")) {
      headers["content-disposition"] =
        `attachment; filename="switchyard-${image.id}.${image.storageKey.split(".").pop()}"`;
    }
    return new Response(new Uint8Array(stored.bytes), { headers });
  } catch (err) {
    return errorResponse(err);
  }
}
