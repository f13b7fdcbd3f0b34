import { describe, expect, it } from "vitest";
import { GenerationQueue, QueueFullError } from "./generationQueue.ts";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("GenerationQueue", () => {
  it("runs at most `concurrency` tasks of a family at once and queues the rest", async () => {
    const queue = new GenerationQueue({ concurrency: 2, maxQueue: 10 });
    const gate = deferred();
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await gate.promise;
      running--;
      return "done";
    };
    const all = Promise.all(Array.from({ length: 6 }, () => queue.run("image", task)));
    await new Promise((r) => setTimeout(r, 10));
    expect(queue.stats("image")).toEqual({ active: 2, pending: 4 });
    gate.resolve();
    expect(await all).toEqual(Array(6).fill("done"));
    expect(peak).toBe(2);
  });

  it("rejects with a Retry-After once the wait line is full, and accepts again after it drains", async () => {
    const queue = new GenerationQueue({ concurrency: 1, maxQueue: 2, typicalMs: 2_000 });
    const gate = deferred();
    const accepted = [1, 2, 3].map(() => queue.run("image", () => gate.promise));
    const refused = queue.run("image", async () => undefined);
    await expect(refused).rejects.toBeInstanceOf(QueueFullError);
    await refused.catch((err: QueueFullError) => expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(2));
    gate.resolve();
    await Promise.all(accepted);
    await expect(queue.run("image", async () => "again")).resolves.toBe("again");
  });

  it("keeps families apart: a full line for one does not block another", async () => {
    const queue = new GenerationQueue({ concurrency: 1, maxQueue: 0 });
    const gate = deferred();
    const busy = queue.run("openai", () => gate.promise);
    await expect(queue.run("openai", async () => 1)).rejects.toBeInstanceOf(QueueFullError);
    await expect(queue.run("local", async () => 2)).resolves.toBe(2);
    gate.resolve();
    await busy;
  });
});
