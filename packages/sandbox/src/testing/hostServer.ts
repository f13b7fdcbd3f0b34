// A TCP server on the host that counts who reaches it, for tests that prove sandboxed code cannot.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll } from "vitest";

export interface HostServer {
  /** The loopback port it listens on (set once the suite's beforeAll has run). */
  port: number;
  /** Connections it has accepted so far. */
  connections: number;
}

/** Starts the server before the enclosing suite and closes it after; read `port`/`connections` in tests. */
export function hostServerForSuite(): HostServer {
  const host: HostServer = { port: 0, connections: 0 };
  let server: Server;
  beforeAll(async () => {
    server = createServer((socket) => {
      host.connections++;
      socket.end("hello");
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    host.port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
  return host;
}
