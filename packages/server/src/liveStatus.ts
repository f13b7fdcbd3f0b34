// What the apps show in their header and answer on /api/health: which database and which provider are
// live, and whether each answers right now.

import { requestUser } from "./auth/authServices.ts";
import { describeProvider } from "./provider.ts";
import { getDb } from "./services.ts";

export interface LiveStatus {
  database: { label: string; ok: boolean; version?: string };
  provider: { label: string; ok: boolean; simulated: boolean };
}

export async function getLiveStatus(): Promise<LiveStatus> {
  const [database, provider] = await Promise.all([
    getDb()
      .then(async (db) => {
        const ping = await db.ping();
        return { label: db.label, ok: ping.ok, version: ping.version };
      })
      .catch(() => ({ label: "database", ok: false })),
    describeProvider(),
  ]);
  return { database, provider };
}

/**
 * GET /api/health for both apps: 200 `{ status: "up" }` when the database and the provider both answer,
 * else 503 `{ status: "down" }`. Which database and provider, and their versions, only to an admin.
 */
export async function healthGET(req?: Request): Promise<Response> {
  const status = await getLiveStatus();
  const ok = status.database.ok && status.provider.ok;
  const user = req ? await requestUser(req.headers).catch(() => null) : null;
  const body =
    user?.role === "admin" ? { status: ok ? "up" : "down", ok, ...status } : { status: ok ? "up" : "down" };
  return Response.json(body, { status: ok ? 200 : 503 });
}
