// V8's heap limit does not count ArrayBuffers, so the parent also watches the child's resident set
// (Linux /proc) and kills it past the ceiling. The child is a process tree (bwrap, its init, Node),
// so the watchdog adds up the tree. Elsewhere only the heap limit and RLIMIT_DATA apply.
import { readFile } from "node:fs/promises";

const POLL_MS = 25;

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  return status ? Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) : 0;
}

/** Resident set of `pid` and its descendants, in KB. Children are listed per thread: the main one forks. */
export async function treeRssKb(pid: number): Promise<number> {
  let total = 0;
  const pending = [pid];
  for (let seen = 0; pending.length > 0 && seen < 64; seen++) {
    const next = pending.pop()!;
    total += await rssKb(next);
    const children = await readFile(`/proc/${next}/task/${next}/children`, "utf8").catch(() => "");
    for (const child of children.split(" ")) if (child.trim()) pending.push(Number(child));
  }
  return total;
}

export function watchMemory(pid: number, limitMb: number, onExceeded: (rssMb: number) => void): () => void {
  let stopped = false;
  const timer = setInterval(async () => {
    const kb = await treeRssKb(pid);
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
