// Test harness: the real local provider on a random port and a router pointed at it with short
// timeouts and backoffs, so fault-injection tests stay fast. Used by the *.test.ts files only.
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PolicyOverrides } from "../config.ts";
import { createRouter, type Router, type RouterConfig } from "../router.ts";
import { MemoryLedgerSink } from "../sinks/memoryLedgerSink.ts";

export const fastPolicy: PolicyOverrides = {
  timeouts: { connectMs: 2_000, firstTokenMs: 5_000, idleMs: 5_000, responseMs: 10_000, totalMs: 30_000 },
  retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, retryAfterCapMs: 3_000 },
  breaker: { failureThreshold: 3, openMs: 200, maxOpenMs: 2_000, creditOpenMs: 2_000 },
  idempotency: { pollMinMs: 5, pollMaxMs: 50, waitMs: 10_000 },
  credits: { refreshMs: 0 },
};

export interface Harness {
  provider: LocalProvider;
  ledger: MemoryLedgerSink;
  router: Router;
  /** A fresh router (fresh breakers and health) against the same provider. */
  newRouter(config?: Partial<RouterConfig>): Router;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const provider = await startLocalProvider();
  const routers: Router[] = [];
  const h: Harness = {
    provider,
    ledger: new MemoryLedgerSink(),
    router: undefined as unknown as Router,
    newRouter(config = {}) {
      h.ledger = new MemoryLedgerSink();
      const router = createRouter({
        env: {},
        localProviderUrl: provider.url,
        ledger: h.ledger,
        ...config,
        policy: {
          timeouts: { ...fastPolicy.timeouts, ...config.policy?.timeouts },
          retry: { ...fastPolicy.retry, ...config.policy?.retry },
          breaker: { ...fastPolicy.breaker, ...config.policy?.breaker },
          idempotency: { ...fastPolicy.idempotency, ...config.policy?.idempotency },
          credits: { ...fastPolicy.credits, ...config.policy?.credits },
        },
      });
      routers.push(router);
      h.router = router;
      return router;
    },
    async close() {
      await Promise.all(routers.map((r) => r.close()));
      await provider.close();
    },
  };
  h.newRouter();
  return h;
}

/**
 * One harness for a test file: started before its tests and closed after them. Before each test the
 * provider's faults and log are reset and, unless `freshRouter` is false, a fresh router (fresh
 * breakers and health) is built with the given config. The returned object reads the started harness.
 */
export function useHarness(options: { freshRouter?: Partial<RouterConfig> | false } = {}): Harness {
  const { freshRouter = {} } = options;
  let started: Harness | undefined;
  const current = () => {
    if (!started) throw new Error("useHarness: the harness is used before its beforeAll ran");
    return started;
  };
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    current().provider.control.reset();
    if (freshRouter) current().newRouter(freshRouter);
  });
  return {
    get provider() {
      return current().provider;
    },
    get ledger() {
      return current().ledger;
    },
    get router() {
      return current().router;
    },
    newRouter: (config) => current().newRouter(config),
    close: () => current().close(),
  };
}

/** Upstream generation calls the provider logged for one endpoint (credit checks excluded). */
export function callsTo(provider: LocalProvider, endpoint: string): number {
  return provider.control.log({ endpoint }).filter((e) => !e.path.endsWith("/key")).length;
}

/** Short timeouts for the tests that inject hangs and stalls (the defaults above tolerate a busy machine). */
export const shortTimeouts = { timeouts: { firstTokenMs: 800, idleMs: 800, responseMs: 800 } };

export const ask = (content: string) => ({ model: "fast", messages: [{ role: "user" as const, content }] });
