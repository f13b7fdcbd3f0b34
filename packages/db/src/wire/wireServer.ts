import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { SessionQueue } from "./sessionQueue.ts";

export interface WireServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * A Postgres-wire server for one PGlite on 127.0.0.1: pglite-socket's protocol handler per connection, with
 * our SessionQueue scheduling batches so pooled drivers and several apps can share the database safely.
 */
export async function serveOverWire(db: PGlite, port: number, maxConnections: number): Promise<WireServer> {
  const queue = new SessionQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();

  const server: Server = createServer((socket: Socket) => {
    if (handlers.size >= maxConnections) {
      socket.end();
      return;
    }
    const handler = new PGLiteSocketHandler({
      // Structurally the same contract as pglite-socket's QueryQueueManager, whose private fields block
      // a plain assignment.
      queryQueue: queue as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    handler.addEventListener("close", () => handlers.delete(handler));
    handler.addEventListener("error", () => handlers.delete(handler));
    handler.attach(socket).catch(() => {
      handlers.delete(handler);
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  return {
    port: boundPort,
    stop: async () => {
      await Promise.all([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
