// GET /api/images/:id returns one of the user's images; DELETE removes its row and its bytes together.
// Another user's image is 404, never 403: whether an id exists is not theirs to know.
import { ApiError, apiRoute } from "@switchyard/server";
import { z } from "zod";
import { toImageRecord } from "@/lib/gallery/imageRecord.ts";
import { imageServices } from "@/lib/imageServices.ts";

export const dynamic = "force-dynamic";

type Params = { id: string };
const notFound = () => new ApiError("not_found", "That image does not exist (any more).", 404);

export const GET = apiRoute<Params>({}, async (_req, { user, params }) => {
  const id = z.uuid().parse(params.id);
  const image = await (await imageServices()).repository.get(user.id, id);
  if (!image) throw notFound();
  return Response.json({ image: toImageRecord(image) });
});

export const DELETE = apiRoute<Params>({}, async (_req, { user, params }) => {
  const id = z.uuid().parse(params.id);
  const { repository, storage } = await imageServices();
  const deleted = await repository.delete(user.id, id, storage);
  if (!deleted) throw notFound();
  return new Response(null, { status: 204 });
});
