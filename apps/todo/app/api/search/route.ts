// GET /api/search?q= : hybrid search over the signed-in user's todos only.
import { apiRoute, routerOptionsFor } from "@switchyard/server";
import { hybridSearch } from "@/lib/hybridSearch.ts";
import { searchQuery } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async (req, { user }) => {
  const { q } = searchQuery.parse({ q: new URL(req.url).searchParams.get("q") ?? "" });
  const { db, embedder } = await todoServices();
  // Without an embedding (provider down, budget spent) the search still answers from full text.
  const embedded = await embedder
    .embed([q], AbortSignal.timeout(5_000), routerOptionsFor(user))
    .catch(() => null);
  const hits = await hybridSearch(db, {
    owner: user.id,
    text: q,
    embedding: embedded?.vectors[0] ?? null,
    embeddingModel: embedded?.model ?? null,
    limit: 20,
  });
  return Response.json({ hits, semantic: embedded !== null });
});
