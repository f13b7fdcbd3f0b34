// What the apps show in their header and answer on /api/health: which database and which provider are
// live, and whether each answers right now.

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

/** GET /api/health for both apps: 200 when the database and the provider both answer, else 503. */
export async function healthGET(): Promise<Response> {
  const status = await getLiveStatus();
  const ok = status.database.ok && status.provider.ok;
  return Response.json({ ok, ...status }, { status: ok ? 200 : 503 });
}
