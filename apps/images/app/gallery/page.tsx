// The gallery: past images, newest first and paginated, or ranked by how similar their prompts are
// in meaning to a search text (pgvector). Download and delete on every card. Only the signed-in
// user's images; without a session, a redirect to sign-in that comes back to the same search.
import { getLiveStatus, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { z } from "zod";
import { DeleteImageButton } from "@/components/DeleteImageButton.tsx";
import { GeneratedImage } from "@/components/ImageCard.tsx";
import { NAV } from "@/components/nav.ts";
import { SimulationNote } from "@/components/SimulationNote.tsx";
import { searchGallery } from "@/lib/gallery/searchGallery.ts";
import { imageServices } from "@/lib/imageServices.ts";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 12;
const paramsSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  q: z.string().trim().max(500).catch(""),
});

function galleryPath(params: { page: number; q: string }): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.page > 1) query.set("page", String(params.page));
  const search = query.toString();
  return search ? `/gallery?${search}` : "/gallery";
}

export default async function Gallery({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = paramsSchema.parse({ page: 1, q: "", ...(await searchParams) });
  const user = await pageUser(galleryPath(params));
  const [status, services] = await Promise.all([getLiveStatus(), imageServices()]);
  const result = await searchGallery(services, user, {
    page: params.page,
    pageSize: PAGE_SIZE,
    similar: params.q || undefined,
  });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <AppShell title="Gallery" nav={NAV} status={status} user={user}>
      <div className="flex flex-col gap-4">
        <SimulationNote simulated={status.provider.simulated} />
        <search>
          <form method="get" className="flex flex-wrap items-end gap-2">
            <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium">
              Similar prompts
              <input
                type="search"
                name="q"
                defaultValue={params.q}
                placeholder="e.g. a harbour at night"
                className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900"
              />
            </label>
            <button
              type="submit"
              className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              Search
            </button>
            {params.q && (
              <a
                href="/gallery"
                className="px-2 py-2 text-sm text-brand-600 hover:underline dark:text-brand-500"
              >
                Clear
              </a>
            )}
          </form>
        </search>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="gallery-summary">
          {params.q
            ? `${result.items.length} image(s) ranked by similarity to “${params.q}”.`
            : `${result.total} image(s).`}
        </p>
        {result.items.length === 0 ? (
          <p className="py-12 text-center text-slate-500">
            No images yet.{" "}
            <a href="/" className="text-brand-600 hover:underline">
              Generate one
            </a>
            .
          </p>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {result.items.map((image) => (
              <li
                key={image.id}
                data-testid="gallery-item"
                className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <GeneratedImage image={image} />
                <div className="flex flex-col gap-2 border-t border-slate-100 p-3 text-sm dark:border-slate-800">
                  <p data-testid="gallery-prompt" className="line-clamp-3">
                    {image.prompt}
                  </p>
                  <div className="flex items-center justify-between text-xs text-slate-500">
                    <time dateTime={image.createdAt}>
                      {image.createdAt.slice(0, 16).replace("T", " ")} UTC
                    </time>
                    {image.similarity !== undefined && (
                      <span data-testid="gallery-similarity">
                        {Math.round(image.similarity * 100)}% similar
                      </span>
                    )}
                    <DeleteImageButton id={image.id} />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
        {!params.q && pages > 1 && (
          <nav aria-label="Pages" className="flex items-center justify-center gap-4 text-sm">
            {params.page > 1 ? (
              <a href={`/gallery?page=${params.page - 1}`} className="text-brand-600 hover:underline">
                ← Newer
              </a>
            ) : (
              <span className="text-slate-400">← Newer</span>
            )}
            <span>
              Page {params.page} of {pages}
            </span>
            {params.page < pages ? (
              <a href={`/gallery?page=${params.page + 1}`} className="text-brand-600 hover:underline">
                Older →
              </a>
            ) : (
              <span className="text-slate-400">Older →</span>
            )}
          </nav>
        )}
      </div>
    </AppShell>
  );
}
