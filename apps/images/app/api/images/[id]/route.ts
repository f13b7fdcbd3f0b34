// GET /api/images/:id returns one image's record; DELETE removes its row and its bytes together.
import { ApiError, errorResponse } from "@switchyard/server";
import { z } from "zod";
import { toImageRecord } from "@/lib/gallery/imageRecord.ts";
import { imageServices } from "@/lib/imageServices.ts";
import { currentOwner } from "@/lib/owner.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const notFound = () => new ApiError("not_found", "That image does not exist (any more).", 404);

export async function GET(_req: Request, ctx: Ctx): Promise<Response> {
  try {
    const id = z.uuid().parse((await ctx.params).id);
    const image = await (await imageServices()).repository.get(currentOwner(), id);
    if (!image) throw notFound();
    return Response.json({ image: toImageRecord(image) });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function DELETE(_req: Request, ctx: Ctx): Promise<Response> {
  try {
    const id = z.uuid().parse((await ctx.params).id);
    const { repository, storage } = await imageServices();
    const deleted = await repository.delete(currentOwner(), id, storage);
    if (!deleted) throw notFound();
    return new Response(null, { status: 204 });
  } catch (err) {
    return errorResponse(err);
  }
}
