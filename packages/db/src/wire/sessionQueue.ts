import type { PGlite } from "@electric-sql/pglite";

interface Pending {
  connectionId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol batch (Parse/Bind/Describe/Execute/Sync)
const QUERY = 0x51; // 'Q': a simple query is a whole batch by itself
const TERMINATE = 0x58; // 'X'

/** The startup packet has no type byte: a length, then protocol version 3.0. */
function isStartup(message: Uint8Array): boolean {
  return message.length >= 8 && new DataView(message.buffer, message.byteOffset).getInt32(4) === 0x00030000;
}

/**
 * Hands PGlite's single session to one client connection at a time, for a whole batch.
 *
 * pglite-socket 0.2.17 interleaves protocol messages from different connections outside transactions, so
 * one connection's Parse can replace another's unnamed statement between its Parse and Bind
 * ("bind message supplies 12 parameters, but prepared statement "" requires 2"; electric-sql/pglite#1046).
 * Here a connection keeps the session from its first message until a batch ends (Sync, simple Query,
 * Terminate, or the startup packet) with no transaction open; other connections wait their turn in order.
 * It plugs into pglite-socket's PGLiteSocketHandler in place of its QueryQueueManager.
 */
export class SessionQueue {
  readonly #db: PGlite;
  #waiting: Pending[] = [];
  #owner: number | null = null;
  #running = false;

  constructor(db: PGlite) {
    this.#db = db;
  }

  enqueue(connectionId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ connectionId, message, onData, resolve, reject });
      void this.#pump();
    });
  }

  getQueueLength(): number {
    return this.#waiting.length;
  }

  clearQueueForHandler(connectionId: number): void {
    const dropped = this.#waiting.filter((p) => p.connectionId === connectionId);
    this.#waiting = this.#waiting.filter((p) => p.connectionId !== connectionId);
    for (const p of dropped) p.reject(new Error("connection closed"));
  }

  /** A connection went away: undo its open transaction and give the session to the next one. */
  async clearTransactionIfNeeded(connectionId: number): Promise<void> {
    if (this.#owner !== connectionId) return;
    if (this.#db.isInTransaction()) await this.#db.exec("ROLLBACK");
    this.#owner = null;
    await this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        const owner = this.#owner;
        const index = owner === null ? 0 : this.#waiting.findIndex((p) => p.connectionId === owner);
        if (index < 0 || this.#waiting.length === 0) return;
        const [next] = this.#waiting.splice(index, 1);
        if (!next) return;
        this.#owner = next.connectionId;
        let bytes = 0;
        try {
          await this.#db.runExclusive(() =>
            this.#db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
          next.resolve(bytes);
        } catch (error) {
          // One failed message must not wedge the queue for everyone (the other half of pglite#1046).
          next.reject(error instanceof Error ? error : new Error(String(error)));
        }
        const type = next.message[0];
        const batchEnded = type === SYNC || type === QUERY || type === TERMINATE || isStartup(next.message);
        if (batchEnded && !this.#db.isInTransaction()) this.#owner = null;
      }
    } finally {
      this.#running = false;
    }
  }
}
