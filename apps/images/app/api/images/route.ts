// GET /api/images?page=1&pageSize=24 lists the signed-in user's gallery, newest first; `?similar=text`
// ranks their images by how close each prompt is in meaning (pgvector cosine distance).
import { apiRoute } from "@switchyard/server";
import { z } from "zod";
import { searchGallery } from "@/lib/gallery/searchGallery.ts";
import { imageServices } from "@/lib/imageServices.ts";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
  similar: z.string().trim().max(500).optional(),
});

export const GET = apiRoute({}, async (req, { user }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const services = await imageServices();
  return Response.json(await searchGallery(services, user, query));
});
