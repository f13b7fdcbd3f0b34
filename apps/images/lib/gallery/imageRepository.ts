// The images table, every query scoped to one owner (the signed-in user's id): insert-once by
// idempotency key, paginated listing, similar-prompt search through pgvector (cosine distance over the
// HNSW index), and delete: the row, then its stored bytes.
import { type Database, type Image, images, type NewImage } from "@switchyard/db";
import { and, cosineDistance, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { ImageStorage } from "../storage/imageStorage.ts";

export interface ImagePage {
  items: Image[];
  total: number;
  page: number;
  pageSize: number;
}

export class ImageRepository {
  constructor(readonly db: Database) {}

  async findByKey(owner: string, idempotencyKey: string): Promise<Image | null> {
    const rows = await this.db
      .select()
      .from(images)
      .where(and(eq(images.owner, owner), eq(images.idempotencyKey, idempotencyKey)))
      .limit(1);
    return rows[0] ?? null;
  }

  /**
   * Inserts the row unless the owner already has one with the same idempotency key (then returns that
   * one and `inserted: false`). A transaction-scoped advisory lock on owner and key serialises
   * concurrent savers, across processes too, since the column itself is not unique. `alsoInTransaction`
   * runs in the same transaction (the generator drops the router's stored call there).
   */
  async insertOnce(
    row: NewImage & { idempotencyKey: string },
    alsoInTransaction?: (tx: Database) => Promise<void>,
  ): Promise<{ image: Image; inserted: boolean }> {
    return this.db.transaction(async (tx) => {
      await alsoInTransaction?.(tx as unknown as Database);
      const lockName = `images:${row.owner}\n${row.idempotencyKey}`;
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockName}))`);
      const existing = await tx
        .select()
        .from(images)
        .where(and(eq(images.owner, row.owner), eq(images.idempotencyKey, row.idempotencyKey)))
        .limit(1);
      if (existing[0]) return { image: existing[0], inserted: false };
      const [image] = await tx.insert(images).values(row).returning();
      return { image: image!, inserted: true };
    });
  }

  async get(owner: string, id: string): Promise<Image | null> {
    const rows = await this.db
      .select()
      .from(images)
      .where(and(eq(images.owner, owner), eq(images.id, id)))
      .limit(1);
    return rows[0] ?? null;
  }

  async list(owner: string, page: number, pageSize: number): Promise<ImagePage> {
    const [items, totals] = await Promise.all([
      this.db
        .select()
        .from(images)
        .where(eq(images.owner, owner))
        .orderBy(desc(images.createdAt), desc(images.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(images).where(eq(images.owner, owner)),
    ]);
    return { items, total: totals[0]?.n ?? 0, page, pageSize };
  }

  /** The owner's images whose prompts are nearest in meaning to the embedding, nearest first. */
  async similar(
    owner: string,
    embedding: number[],
    limit: number,
  ): Promise<{ image: Image; similarity: number }[]> {
    const distance = cosineDistance(images.promptEmbedding, embedding);
    const rows = await this.db
      .select({ image: images, distance })
      .from(images)
      .where(and(eq(images.owner, owner), isNotNull(images.promptEmbedding)))
      .orderBy(distance)
      .limit(limit);
    return rows.map((r) => ({ image: r.image, similarity: 1 - Number(r.distance) }));
  }

  /**
   * Deletes the row, then its bytes. A crash or a failing store in between leaves only bytes no row
   * references, which `sweepOrphans()` removes; never a row whose bytes are gone.
   */
  async delete(owner: string, id: string, storage: ImageStorage): Promise<boolean> {
    const [gone] = await this.db
      .delete(images)
      .where(and(eq(images.owner, owner), eq(images.id, id)))
      .returning({ storageKey: images.storageKey });
    if (!gone) return false;
    // The image is gone for the user either way; bytes left behind are the sweeper's.
    await storage.delete(gone.storageKey).catch(() => undefined);
    return true;
  }
}
