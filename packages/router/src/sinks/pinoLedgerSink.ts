// One structured log line per request (attempts at debug level). Ledger rows hold no prompt text
// and no keys, so everything in them is safe to log.
import type { Logger } from "pino";
import type { LedgerEntry, LedgerSink } from "../stores/types.ts";

export function pinoLedgerSink(logger: Logger): LedgerSink {
  return {
    write(entries: LedgerEntry[]) {
      for (const e of entries) {
        if (e.kind === "request") {
          const level = e.outcome === "ok" ? "info" : "warn";
          if (logger.isLevelEnabled(level)) logger[level]({ ledger: e }, "switchyard request");
        } else if (logger.isLevelEnabled("debug")) {
          logger.debug({ ledger: e }, "switchyard attempt");
        }
      }
    },
  };
}
