// Bounded concurrency per image endpoint family with a bounded wait line: at most `concurrency`
// generations run at once, at most `maxQueue` wait; beyond that the caller gets a QueueFullError
// (the route answers 429 + Retry-After) instead of the process buffering without limit.
import pLimit, { type LimitFunction } from "p-limit";

export class QueueFullError extends Error {
  readonly code = "queue_full";
  constructor(
    readonly family: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many image requests are waiting for ${family}; retry in about ${retryAfterSeconds} s.`);
  }
}

export interface GenerationQueueOptions {
  concurrency: number;
  maxQueue: number;
  /** Typical time of one generation, for the Retry-After estimate. */
  typicalMs?: number;
}

export class GenerationQueue {
  readonly #limits = new Map<string, LimitFunction>();
  readonly #options: Required<GenerationQueueOptions>;

  constructor(options: GenerationQueueOptions) {
    this.#options = { typicalMs: 1_000, ...options };
  }

  // #region bounded-run
  /** Runs `task` within the family's limit; rejects at once with QueueFullError when the line is full. */
  run<T>(family: string, task: () => Promise<T>): Promise<T> {
    const limit = this.#limitFor(family);
    const { concurrency, maxQueue } = this.#options;
    if (limit.activeCount + limit.pendingCount >= concurrency + maxQueue) {
      return Promise.reject(new QueueFullError(family, this.#retryAfterSeconds(limit)));
    }
    return limit(task);
  }
  // #endregion

  stats(family: string): { active: number; pending: number } {
    const limit = this.#limits.get(family);
    return { active: limit?.activeCount ?? 0, pending: limit?.pendingCount ?? 0 };
  }

  #limitFor(family: string): LimitFunction {
    let limit = this.#limits.get(family);
    if (!limit) {
      limit = pLimit(this.#options.concurrency);
      this.#limits.set(family, limit);
    }
    return limit;
  }

  /** Roughly how long until the current line has drained by one concurrency's worth. */
  #retryAfterSeconds(limit: LimitFunction): number {
    const rounds = Math.ceil((limit.pendingCount + limit.activeCount) / this.#options.concurrency);
    return Math.min(60, Math.max(1, Math.ceil((rounds * this.#options.typicalMs) / 1000)));
  }
}
