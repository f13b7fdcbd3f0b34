// The gallery query both the page and the API use: a page of the newest images, or (with `similar`)
// the images whose prompts are nearest in meaning to the text. Only the user's own images, ever.
import type { PromptEmbedder } from "../generation/promptEmbedder.ts";
import type { ImageUser } from "../imageUser.ts";
import { type ImageRecord, toImageRecord } from "./imageRecord.ts";
import type { ImageRepository } from "./imageRepository.ts";

export interface GalleryResult {
  items: (ImageRecord & { similarity?: number })[];
  page: number;
  pageSize: number;
  total: number;
  similar: string | null;
}

const SIMILAR_LIMIT = 24;

export async function searchGallery(
  services: { repository: ImageRepository; embedder: PromptEmbedder },
  user: ImageUser,
  query: { page: number; pageSize: number; similar?: string | undefined },
): Promise<GalleryResult> {
  if (query.similar) {
    const { vector } = await services.embedder.embed(query.similar, user);
    const found = await services.repository.similar(user.id, vector, SIMILAR_LIMIT);
    const items = found.map((f) => ({ ...toImageRecord(f.image), similarity: f.similarity }));
    return { items, page: 1, pageSize: SIMILAR_LIMIT, total: items.length, similar: query.similar };
  }
  const page = await services.repository.list(user.id, query.page, query.pageSize);
  return { ...page, items: page.items.map(toImageRecord), similar: null };
}
