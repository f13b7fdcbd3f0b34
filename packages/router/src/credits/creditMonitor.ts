// Reads each live account's credit balance in the background (OpenRouter's GET /api/v1/key, the
// local provider's equivalent) and caches it. Never called on a request's path: requests read the
// cache. A balance under the threshold raises one `lowBalance` event per crossing.
import type { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { type Dispatcher, fetch } from "undici";
import { z } from "zod";
import type { LiveAccount } from "../catalog/liveCatalog.ts";
import type { CreditPolicy } from "../config.ts";
import type { CreditBalance } from "../types.ts";

const keyInfo = z.object({
  data: z
    .object({
      limit: z.number().nullable().optional(),
      usage: z.number().nullable().optional(),
      limit_remaining: z.number().nullable().optional(),
    })
    .loose(),
});

export class CreditMonitor {
  readonly #accounts: LiveAccount[];
  readonly #policy: CreditPolicy;
  readonly #events: EventEmitter;
  readonly #logger: Logger;
  readonly #dispatcher: Dispatcher;
  readonly #balances = new Map<string, CreditBalance>();
  readonly #low = new Set<string>();
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<void> | null = null;

  /** `dispatcher`: the router's own HTTP client, so balance reads take the same proxy as calls. */
  constructor(
    accounts: LiveAccount[],
    policy: CreditPolicy,
    events: EventEmitter,
    logger: Logger,
    dispatcher: Dispatcher,
  ) {
    this.#accounts = accounts.filter((a) => a.creditsPath);
    this.#policy = policy;
    this.#events = events;
    this.#logger = logger;
    this.#dispatcher = dispatcher;
  }

  start(): void {
    if (this.#policy.refreshMs <= 0 || this.#accounts.length === 0) return;
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), this.#policy.refreshMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Cached balances; never triggers a network call. */
  balances(): CreditBalance[] {
    return [...this.#balances.values()];
  }

  /** Refreshes now (one refresh at a time). */
  refresh(): Promise<void> {
    this.#inFlight ??= Promise.all(this.#accounts.map((a) => this.#read(a))).then(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #read(account: LiveAccount): Promise<void> {
    try {
      const res = await fetch(`${account.baseUrl.replace(/\/+$/, "")}${account.creditsPath}`, {
        headers: account.apiKey ? { authorization: `Bearer ${account.apiKey}` } : {},
        signal: AbortSignal.timeout(10_000),
        dispatcher: this.#dispatcher,
      });
      if (!res.ok) throw new Error(`credits endpoint answered ${res.status}`);
      const { data } = keyInfo.parse(await res.json());
      const limitUsd = data.limit ?? null;
      const usageUsd = data.usage ?? null;
      const remainingUsd =
        data.limit_remaining ?? (limitUsd !== null && usageUsd !== null ? limitUsd - usageUsd : null);
      this.#balances.set(account.id, {
        account: account.id,
        label: account.label,
        limitUsd,
        usageUsd,
        remainingUsd,
        fetchedAt: Date.now(),
      });
      const low = remainingUsd !== null && remainingUsd < this.#policy.lowBalanceUsd;
      if (low && !this.#low.has(account.id)) {
        this.#low.add(account.id);
        this.#events.emit("lowBalance", { account: account.id, label: account.label, remainingUsd });
      } else if (!low) {
        this.#low.delete(account.id);
      }
    } catch (err) {
      this.#logger.warn(
        { account: account.id, err: err instanceof Error ? err.message : String(err) },
        "credit balance refresh failed",
      );
    }
  }
}
