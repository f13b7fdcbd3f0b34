// Heap kept alive per waiting request: N calls in flight against the slow upstream, the used heap
// after full collections minus the same without them, divided by N. Every young-generation pause
// copies what waiting requests keep, so this is what sets its length at high concurrency.
import v8 from "node:v8";
import { collectGarbage } from "./collectGarbage.ts";
import type { Send } from "./loadClients.ts";

/** Bytes kept per waiting request, by in-process path. */
export interface KeptBytes {
  direct: number;
  router: number;
}

function usedHeapAfterGc(): number {
  // Twice: the first full collection can leave work (weak references, finalizers) for a second.
  collectGarbage();
  collectGarbage();
  return v8.getHeapStatistics().used_heap_size;
}

/** Bytes per request in flight, `settleMs` after N requests were sent (less than the upstream delay). */
export async function keptPerWaitingRequest(send: Send, n: number, settleMs: number): Promise<number> {
  const before = usedHeapAfterGc();
  const pending = Array.from({ length: n }, () => send());
  await new Promise((r) => setTimeout(r, settleMs));
  const during = usedHeapAfterGc();
  await Promise.all(pending);
  return Math.round((during - before) / n);
}
