// GET /api/images/:id/file serves the bytes of one of the user's images; `?download=1` asks the browser
// to save them. Another user's image file is 404, like a missing one.
import { ApiError, apiRoute } from "@switchyard/server";
import { z } from "zod";
import { imageServices } from "@/lib/imageServices.ts";

export const dynamic = "force-dynamic";

// Only these are served as images; anything else a row may hold is sent as an opaque download.
const imageTypes = new Set(["image/png", "image/jpeg", "image/webp"]);

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
  // Streamed from the store: an image is never held whole in the server's memory.
  const stored = await storage.open(image.storageKey);
  if (!stored) throw notFound();
  const isImage = imageTypes.has(image.mime);
  const download = !isImage || new URL(req.url).searchParams.has("download");
  const filename = `switchyard-${image.id}.${image.storageKey.split(".").pop()}`;
  const headers: Record<string, string> = {
    ...caching,
    "content-type": isImage ? image.mime : "application/octet-stream",
    "content-length": String(stored.size),
    // The bytes came from a provider: never sniffed into something else, never a document with script.
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox",
    "content-disposition": `${download ? "attachment" : "inline"}; filename="${filename}"`,
  };
  return new Response(stored.body, { headers });
});
