// The gateway's virtual keys in Postgres: made with a random secret shown once, stored as its SHA-256,
// found by that hash and compared in constant time, listed without secrets, revoked for good.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../database.ts";
import { type GatewayKeyRow, gatewayKeys } from "../schema/index.ts";

export const VIRTUAL_KEY_PREFIX = "sk-sy-";
const KEY_ID = /^vk_[0-9a-f]{16}$/;

export const newGatewayKeySchema = z.object({
  name: z.string().trim().min(1).max(200),
  ownerId: z.string().min(1),
  allowedModels: z.array(z.string().trim().min(1)).default([]),
  dailyUsd: z.number().positive().finite().nullable().default(null),
  monthlyUsd: z.number().positive().finite().nullable().default(null),
  rpm: z.number().int().positive().nullable().default(null),
  tpm: z.number().int().positive().nullable().default(null),
  expiresAt: z.date().nullable().default(null),
});

export type NewGatewayKey = z.input<typeof newGatewayKeySchema>;

/** A key as lists and checks see it: everything but the secret and its hash. */
export type GatewayKey = Omit<GatewayKeyRow, "keyHash">;

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

function withoutHash(row: GatewayKeyRow): GatewayKey {
  const { keyHash: _hash, ...key } = row;
  return key;
}

/** Makes a key; the returned `secret` is the only time anyone sees it. */
export async function createGatewayKey(
  db: Database,
  input: NewGatewayKey,
): Promise<{ key: GatewayKey; secret: string }> {
  const fields = newGatewayKeySchema.parse(input);
  const secret = `${VIRTUAL_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(gatewayKeys)
    .values({
      ...fields,
      id: `vk_${randomUUID().replaceAll("-", "").slice(0, 16)}`, // KEY_ID's shape
      keyHash: hashOf(secret),
      keyPrefix: secret.slice(0, VIRTUAL_KEY_PREFIX.length + 4),
    })
    .returning();
  if (!row) throw new Error("the key was not stored");
  return { key: withoutHash(row), secret };
}

/** The hash a bearer token is stored under, or null when it cannot be a virtual key at all. */
export function gatewayKeyHash(secret: string): string | null {
  if (!secret.startsWith(VIRTUAL_KEY_PREFIX) || secret.length > 200) return null;
  return hashOf(secret);
}

/**
 * The key stored under a token's hash, or null. Found by the hash (an index lookup), then the hashes
 * compared with timingSafeEqual so the comparison takes the same time however many characters match.
 */
export async function findGatewayKeyByHash(db: Database, hash: string): Promise<GatewayKey | null> {
  const [row] = await db.select().from(gatewayKeys).where(eq(gatewayKeys.keyHash, hash)).limit(1);
  if (!row || row.keyHash.length !== hash.length) return null;
  const same = timingSafeEqual(Buffer.from(row.keyHash, "hex"), Buffer.from(hash, "hex"));
  return same ? withoutHash(row) : null;
}

/** The key a bearer token names, or null. */
export async function findGatewayKey(db: Database, secret: string): Promise<GatewayKey | null> {
  const hash = gatewayKeyHash(secret);
  return hash === null ? null : findGatewayKeyByHash(db, hash);
}

export async function listGatewayKeys(
  db: Database,
  options: { ownerId?: string } = {},
): Promise<GatewayKey[]> {
  const rows = await db
    .select()
    .from(gatewayKeys)
    .where(options.ownerId ? eq(gatewayKeys.ownerId, options.ownerId) : undefined)
    .orderBy(desc(gatewayKeys.createdAt));
  return rows.map(withoutHash);
}

/** Revokes a key by id; false when there is no such key or it was revoked already. */
export async function revokeGatewayKey(db: Database, id: string): Promise<boolean> {
  // Anything not shaped like an id names no key (a NUL byte would make Postgres refuse the statement).
  if (!KEY_ID.test(id)) return false;
  const done = await db
    .update(gatewayKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(gatewayKeys.id, id), isNull(gatewayKeys.revokedAt)))
    .returning({ id: gatewayKeys.id });
  return done.length > 0;
}
