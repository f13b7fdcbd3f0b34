// Starts the gateway: the database (DATABASE_URL, or the embedded PGlite in SWITCHYARD_DATA_DIR), the
// router on it, and the HTTP server. Tests and benchmarks call startGateway with a port of 0.
import type http from "node:http";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { createDb, type DbHandle, startStoreMaintenance } from "@switchyard/db";
import { Hono } from "hono";
import { createGateway } from "./gateway.ts";
import { gatewayEnv } from "./gatewayEnv.ts";
import { gatewayError } from "./gatewayErrors.ts";
import { createGatewayRouter } from "./gatewayRouter.ts";

export interface StartGatewayOptions {
  port?: number;
  host?: string;
  /** An open database; by default the environment's. */
  db?: DbHandle;
  env?: NodeJS.ProcessEnv;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Waits until the ledger rows of the requests answered so far are written (they go in batches). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const env = gatewayEnv(options.env);
  const handle = options.db ?? (await createDb(options.env ? { env: options.env } : {}));
  const db = handle.db;
  const routed = createGatewayRouter({
    db,
    upstreamUrl: env.SWITCHYARD_GATEWAY_UPSTREAM_URL,
    // Given an env, its local provider too (the router reads process.env's otherwise).
    ...(options.env?.LOCAL_PROVIDER_URL ? { localProviderUrl: options.env.LOCAL_PROVIDER_URL } : {}),
  });
  const maintenance = startStoreMaintenance(db);
  // Hono on its Node adapter: measured against plain node:http serving the same handler (README).
  const gateway = createGateway({ db, router: routed.router, limits: routed.limits });
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.all("*", (c) => {
    const { incoming, outgoing } = c.env;
    // Node's request as it is: reading the body from the socket and this one signal cost a fraction of
    // the web Request the adapter would otherwise build (bench/gateway).
    const client = new AbortController();
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) client.abort();
    });
    return gateway({
      method: c.req.method,
      url: c.req.url,
      headers: c.req.raw.headers,
      body: incoming,
      signal: client.signal,
    });
  });
  app.onError(() => gatewayError("internal", "The gateway failed to answer."));
  const server = createAdaptorServer({ fetch: app.fetch }) as http.Server;
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? env.GATEWAY_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? env.GATEWAY_PORT, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    flush: () => routed.router.flush(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      maintenance.stop();
      await routed.close();
      if (!options.db) await handle.close();
    },
  };
}
