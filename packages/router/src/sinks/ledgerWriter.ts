// Fans each request's ledger rows out to every sink, off the request path: a slow or failing sink
// never delays or fails a request. flush() waits for writes still in flight (tests, shutdown).
import type { Logger } from "pino";
import type { LedgerEntry, LedgerSink } from "../stores/types.ts";

export class LedgerWriter {
  readonly #sinks: LedgerSink[];
  readonly #logger: Logger;
  readonly #pending = new Set<Promise<void>>();

  constructor(sinks: LedgerSink[], logger: Logger) {
    this.#sinks = sinks;
    this.#logger = logger;
  }

  write(rows: LedgerEntry[]): void {
    for (const sink of this.#sinks) {
      try {
        const result = sink.write(rows);
        if (result) {
          const p = result.catch((err: unknown) => this.#failed(err)).finally(() => this.#pending.delete(p));
          this.#pending.add(p);
        }
      } catch (err) {
        this.#failed(err);
      }
    }
  }

  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  #failed(err: unknown): void {
    this.#logger.error({ err: err instanceof Error ? err.message : String(err) }, "ledger sink write failed");
  }
}
