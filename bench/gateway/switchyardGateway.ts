// Starts the Switchyard gateway (apps/gateway, its own `start` entry) as a process of its own for
// bench:gateway, as it runs in production: its database in a process of its own reached through
// DATABASE_URL (a fresh in-memory PGlite served over the Postgres wire, where production has Postgres:
// PGlite's on-disk files would make the stand-in, not the gateway, the cost), one virtual
// key whose limits sit far above the bench's load (so every check runs and none throttles), and the
// gateway's benchmark model routed to the upstream. Returns it as the blocks' GatewayPeer: its URL, its
// pid and the database's (their CPU is the gateway's), the key.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { createDb, createGatewayKey, users } from "@switchyard/db";
import { FIXED_UPSTREAM_MODEL } from "@switchyard/router";
import { startChild, stopChild } from "../lib/childProcess.ts";
import type { GatewayPeer } from "../overhead/loadClients.ts";

/**
 * What the bench's key allows: 100k requests and 1M tokens a second (the limiter's finest, 1 µs a token),
 * at least 5× the most the bench sends, and budgets it cannot spend; all set, so every check runs.
 */
export const benchKeyLimits = {
  rpm: 6_000_000,
  tpm: 60_000_000,
  dailyUsd: 1_000_000,
  monthlyUsd: 10_000_000,
};

/** The gateway's own `pnpm --filter @switchyard/gateway start` entry, forked so its pid is the server's. */
const cliEntry = path.join(import.meta.dirname, "../../apps/gateway/src/cli.ts");

export type SwitchyardGateway = GatewayPeer & { stop(): Promise<void> };

/** SIGTERM, then SIGKILL when it has not exited in time: a gateway deep in a backlog may not get round to it. */
async function stopWithin(child: ChildProcess, ms: number): Promise<void> {
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  await stopChild(child);
  clearTimeout(timer);
}

const databaseEntry = path.join(import.meta.dirname, "../stress/databaseEntry.ts");

export async function startSwitchyardGateway(upstreamUrl: string): Promise<SwitchyardGateway> {
  const database = await startChild(databaseEntry, ["memory://"], 120_000);
  const stopDatabase = () => stopWithin(database.child, 10_000);
  try {
    const handle = await createDb({ url: database.url, cache: false, env: {} });
    const owner = { id: "bench-gateway", name: "bench:gateway", email: "bench-gateway@example.com" };
    await handle.db.insert(users).values(owner);
    const { secret } = await createGatewayKey(handle.db, {
      name: "bench:gateway",
      ownerId: owner.id,
      allowedModels: [FIXED_UPSTREAM_MODEL],
      ...benchKeyLimits,
    });
    await handle.close();
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      GATEWAY_PORT: "0",
      GATEWAY_HOST: "127.0.0.1",
      SWITCHYARD_GATEWAY_UPSTREAM_URL: upstreamUrl,
      SWITCHYARD_CATALOG_SYNC_MINUTES: "0",
      // Its credit checks of the local provider, which a bench does not run, would warn once a minute.
      SWITCHYARD_LOG_LEVEL: "error",
    };
    const started = await startChild(cliEntry, [], 60_000, env);
    return {
      url: started.url,
      pid: started.child.pid!,
      alsoPids: [database.child.pid!],
      apiKey: secret,
      model: FIXED_UPSTREAM_MODEL,
      stop: () => stopWithin(started.child, 10_000).then(stopDatabase),
    };
  } catch (err) {
    await stopDatabase();
    throw err;
  }
}
