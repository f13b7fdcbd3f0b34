// Keeps ledger rows in an array: for tests, scripts and the apps' offline demos.
import type { LedgerEntry, LedgerSink } from "../stores/types.ts";

export class MemoryLedgerSink implements LedgerSink {
  readonly entries: LedgerEntry[] = [];

  write(entries: LedgerEntry[]): void {
    this.entries.push(...entries);
  }

  /** Rows of one request, request row last (the order they were written). */
  forRequest(requestId: string): LedgerEntry[] {
    return this.entries.filter((e) => e.requestId === requestId);
  }
}
