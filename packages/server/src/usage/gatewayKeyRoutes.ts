// The admin page's virtual keys for the gateway (apps/gateway): GET lists them (never a secret), POST
// makes one and answers its secret once, DELETE ?id= revokes one. Admins only, through apiRoute.
import type { SessionUser } from "@switchyard/auth";
import {
  createGatewayKey,
  type Database,
  type GatewayKey,
  listGatewayKeys,
  revokeGatewayKey,
  users,
} from "@switchyard/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ApiError, readJson } from "../apiErrors.ts";
import { apiRoute } from "../auth/apiRoute.ts";
import { getDb } from "../services.ts";

/** A key as the page shows it. */
export interface GatewayKeyView {
  id: string;
  name: string;
  prefix: string;
  ownerEmail: string | null;
  allowedModels: string[];
  dailyUsd: number | null;
  monthlyUsd: number | null;
  rpm: number | null;
  tpm: number | null;
  expiresAt: string | null;
  status: "active" | "expired" | "revoked";
  createdAt: string;
}

const positive = z.number().positive().finite().nullable().default(null);
const createKeySchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The owner's email; empty: the admin making it. */
  ownerEmail: z.email().optional(),
  allowedModels: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  dailyUsd: positive,
  monthlyUsd: positive,
  rpm: z.number().int().positive().nullable().default(null),
  tpm: z.number().int().positive().nullable().default(null),
  /** Days from now; null: never. */
  expiresInDays: z.number().int().positive().max(3650).nullable().default(null),
});

async function viewsOf(db: Database, keys: GatewayKey[], now = new Date()): Promise<GatewayKeyView[]> {
  const emails = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.id, u.email]),
  );
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.keyPrefix,
    ownerEmail: emails.get(k.ownerId) ?? null,
    allowedModels: k.allowedModels,
    dailyUsd: k.dailyUsd,
    monthlyUsd: k.monthlyUsd,
    rpm: k.rpm,
    tpm: k.tpm,
    expiresAt: k.expiresAt?.toISOString() ?? null,
    status: k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= now ? "expired" : "active",
    createdAt: k.createdAt.toISOString(),
  }));
}

/** The page's data: every key, for an admin; null for anyone else. */
export async function loadGatewayKeys(user: Pick<SessionUser, "role">): Promise<GatewayKeyView[] | null> {
  if (user.role !== "admin") return null;
  const { db } = await getDb();
  return viewsOf(db, await listGatewayKeys(db));
}

export function gatewayKeyRoutes() {
  return {
    GET: apiRoute({ access: "admin" }, async () => {
      const { db } = await getDb();
      return Response.json({ keys: await viewsOf(db, await listGatewayKeys(db)) });
    }),
    POST: apiRoute({ access: "admin" }, async (req, { user }) => {
      const fields = await readJson(req, createKeySchema, 16_384);
      const { db } = await getDb();
      let ownerId = user.id;
      if (fields.ownerEmail) {
        const [owner] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, fields.ownerEmail.toLowerCase()));
        if (!owner) throw new ApiError("user_not_found", "No account with that email.", 404);
        ownerId = owner.id;
      }
      const { expiresInDays, ownerEmail: _email, ...limits } = fields;
      const { key, secret } = await createGatewayKey(db, {
        ...limits,
        ownerId,
        expiresAt: expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000),
      });
      const [view] = await viewsOf(db, [key]);
      return Response.json({ key: view, secret }, { status: 201 });
    }),
    DELETE: apiRoute({ access: "admin" }, async (req) => {
      const id = new URL(req.url).searchParams.get("id") ?? "";
      const { db } = await getDb();
      if (!(await revokeGatewayKey(db, id)))
        throw new ApiError("key_not_found", "No active key with that id.", 404);
      return Response.json({ id, status: "revoked" });
    }),
  };
}
