// V8's heap limit does not count ArrayBuffers, so the parent also watches the child's resident set
// (Linux /proc) and kills it past the ceiling. Elsewhere only the heap limit applies.
import { readFile } from "node:fs/promises";

const POLL_MS = 25;

export function watchMemory(pid: number, limitMb: number, onExceeded: (rssMb: number) => void): () => void {
  let stopped = false;
  const timer = setInterval(async () => {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
    const kb = status ? Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) : 0;
    if (!stopped && kb / 1024 > limitMb) {
      stopped = true;
      onExceeded(Math.round(kb / 1024));
    }
  }, POLL_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
