// Waiting for jobs to finish, one query for all of them: a process keeps one poll loop per job kind that
// reads the state of every job someone in it waits for in a single statement, instead of each waiter
// polling its own. (A thousand waiters each polling through pg-boss's three pooled connections starved
// the pool, the enqueues and the workers' own fetches: `pnpm bench:stress --kill` saw 513 of 1000
// requests fail with "timeout exceeded when trying to connect".)

/** What the watcher reports for a finished job; null when the job is gone (deleted, or never existed). */
export type WatchedJob<S> = S | null;

export interface JobWatcherOptions<S> {
  /** Reads the given jobs' statuses in one statement; a job missing from the answer is gone. */
  read(ids: string[]): Promise<Map<string, S>>;
  isFinished(status: S): boolean;
  intervalMs: number;
  onError?: (error: Error) => void;
}

export class JobWatcher<S> {
  readonly #waiting = new Map<string, ((status: WatchedJob<S>) => void)[]>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(readonly options: JobWatcherOptions<S>) {}

  /** Resolves once the job has finished (with its status) or is gone (null). */
  settled(id: string): Promise<WatchedJob<S>> {
    return new Promise((resolve) => {
      const waiters = this.#waiting.get(id) ?? [];
      waiters.push(resolve);
      this.#waiting.set(id, waiters);
      this.#schedule();
    });
  }

  /** Stops polling; waiters still waiting are told the job is gone. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const waiters of this.#waiting.values()) for (const resolve of waiters) resolve(null);
    this.#waiting.clear();
  }

  #schedule(): void {
    if (this.#timer || this.#stopped || this.#waiting.size === 0) return;
    this.#timer = setTimeout(() => void this.#poll(), this.options.intervalMs);
  }

  async #poll(): Promise<void> {
    const ids = [...this.#waiting.keys()];
    try {
      const statuses = await this.options.read(ids);
      for (const id of ids) {
        const status = statuses.get(id);
        if (status !== undefined && !this.options.isFinished(status)) continue;
        for (const resolve of this.#waiting.get(id) ?? []) resolve(status ?? null);
        this.#waiting.delete(id);
      }
    } catch (error) {
      // A failed read is tried again at the next interval; the waiters keep waiting.
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.#timer = null;
      this.#schedule();
    }
  }
}
