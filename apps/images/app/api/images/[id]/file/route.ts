// GET /api/images/:id/file serves the bytes of one of the user's images; `?download=1` asks the browser
// to save them. Another user's image file is 404, like a missing one.
import { ApiError, apiRoute } from "@switchyard/server";
import { z } from "zod";
import { imageServices } from "@/lib/imageServices.ts";

export const dynamic = "force-dynamic";

const notFound = () => new ApiError("not_found", "That image does not exist (any more).", 404);

export const GET = apiRoute<{ id: string }>({}, async (req, { user, params }) => {
  const id = z.uuid().parse(params.id);
  const { repository, storage } = await imageServices();
  const image = await repository.get(user.id, id);
  if (!image) throw notFound();
  // Bytes under an id never change, so the id is the ETag. Yet the browser asks every time (no-cache):
  // a cached copy must not outlive the session that may see it, on a shared computer.
  const caching = { etag: `"${image.id}"`, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === caching.etag)
    return new Response(null, { status: 304, headers: caching });
  const stored = await storage.get(image.storageKey);
  if (!stored) throw notFound();
  const headers: Record<string, string> = {
    ...caching,
    "content-type": image.mime,
    "content-length": String(stored.bytes.length),
  };
  if (new URL(req.url).searchParams.get("download")) {
    headers["content-disposition"] =
      `attachment; filename="switchyard-${image.id}.${image.storageKey.split(".").pop()}"`;
  }
  return new Response(new Uint8Array(stored.bytes), { headers });
});
