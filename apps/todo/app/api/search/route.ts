import { errorResponse } from "@switchyard/server";
import { hybridSearch } from "@/lib/hybridSearch.ts";
import { currentOwner } from "@/lib/owner.ts";
import { searchQuery } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const { q } = searchQuery.parse({ q: new URL(req.url).searchParams.get("q") ?? "" });
    const { db, embedder } = await todoServices();
    // Without an embedding (provider down) the search still answers from full text.
    const embedded = await embedder.embed([q], AbortSignal.timeout(5_000)).catch(() => null);
    const hits = await hybridSearch(db, {
      owner: currentOwner(),
      text: q,
      embedding: embedded?.vectors[0] ?? null,
      embeddingModel: embedded?.model ?? null,
      limit: 20,
    });
    return Response.json({ hits, semantic: embedded !== null });
  } catch (error) {
    return errorResponse(error);
  }
}
