// createRouter(): wires config, catalog, health, stores and sinks into the three faces of one engine.
import { EventEmitter } from "node:events";
import type { ChatRequest, chatRequest, EmbeddingRequest } from "@switchyard/wire";
import pino, { type Logger } from "pino";
import type { z } from "zod";
import type { CatalogOverride } from "./catalog/catalogSchema.ts";
import type { PriceRecord } from "./catalog/catalogSync.ts";
import { type CatalogModelView, catalogView } from "./catalog/catalogView.ts";
import { liveLabel } from "./catalog/describeLive.ts";
import { type LiveAccount, LiveCatalog, liveAccounts } from "./catalog/liveCatalog.ts";
import { buildCatalog, loadCatalogFile } from "./catalog/loadCatalog.ts";
import type { Classifier } from "./classifier/classifier.ts";
import { heuristicClassifier } from "./classifier/heuristicClassifier.ts";
import { type BudgetLimits, mergePolicy, type PolicyOverrides, parseRouterEnv } from "./config.ts";
import { CreditMonitor } from "./credits/creditMonitor.ts";
import type { EngineDeps } from "./engine/engineDeps.ts";
import { HealthRegistry } from "./health/healthRegistry.ts";
import { createHandler } from "./http/handler.ts";
import { chat } from "./operations/chat.ts";
import { embed } from "./operations/embed.ts";
import { image } from "./operations/image.ts";
import { stream } from "./operations/stream.ts";
import { LedgerWriter } from "./sinks/ledgerWriter.ts";
import { otelLedgerSink } from "./sinks/otelLedgerSink.ts";
import { pinoLedgerSink } from "./sinks/pinoLedgerSink.ts";
import { MemoryIdempotencyStore } from "./stores/memoryIdempotencyStore.ts";
import type { BudgetStore, IdempotencyStore, LedgerSink } from "./stores/types.ts";
import { structured } from "./structured/structuredPlan.ts";
import type {
  BreakerState,
  ChatResult,
  CreditBalance,
  EmbedRequest,
  EmbedResult,
  ImageRequestInput,
  ImageResult,
  RequestOptions,
  RouterStream,
  StructuredRequest,
  StructuredResult,
} from "./types.ts";
import { createDispatcher } from "./upstream/dispatcher.ts";
import {
  checkChatRequest,
  checkEmbeddingRequest,
  checkImageRequest,
  parseBody,
  type Validator,
} from "./validate.ts";

// The options of a call that passes none (shared and frozen: the engine only reads them).
const noOptions: RequestOptions = Object.freeze({});

export interface RouterConfig {
  /** Environment to read (default process.env). */
  env?: Record<string, string | undefined>;
  /** Merged over the default catalog (after SWITCHYARD_CATALOG, if set). */
  catalog?: CatalogOverride;
  /** Force which accounts are live (e.g. ["local"]); default: from which keys are set. */
  accounts?: string[];
  /** Local provider base URL (default LOCAL_PROVIDER_URL or http://127.0.0.1:4010). */
  localProviderUrl?: string;
  /** Base URL per account id, e.g. a self-hosted gateway for "openai". */
  baseUrls?: Record<string, string>;
  /** Complexity classifier for model "auto" (default: a transparent heuristic). */
  classifier?: Classifier;
  /** Default: in-memory (single process). Use @switchyard/db's Postgres store across processes. */
  idempotencyStore?: IdempotencyStore;
  /** Budgets are enforced only when both a store and limits are given. */
  budgetStore?: BudgetStore;
  budgets?: BudgetLimits;
  /** Extra ledger sinks (the pino logger and OpenTelemetry sinks are always on). */
  ledger?: LedgerSink | LedgerSink[];
  logger?: Logger;
  /** App name recorded when a request does not say (budgets, ledger). */
  app?: string;
  /** Timeouts, retries, breaker, idempotency and credit knobs. */
  policy?: PolicyOverrides;
  /** OpenRouter attribution headers (HTTP-Referer / X-Title). */
  attribution?: { url?: string; title?: string };
}

export interface RouterEvents {
  lowBalance: [{ account: string; label: string; remainingUsd: number }];
  breaker: [{ key: string; endpoint: string; model: string; state: "closed" | "open" | "half_open" }];
  accountBlocked: [{ account: string; code: string; until: number }];
}

export interface Router {
  chat(req: z.input<typeof chatRequest>, options?: RequestOptions): Promise<ChatResult>;
  stream(req: z.input<typeof chatRequest>, options?: RequestOptions): RouterStream;
  /**
   * A chat call whose answer is JSON matching `schema`: json_schema where the model takes it, an
   * instruction where not; an answer that does not validate is retried once on the next candidate.
   */
  structured<S extends z.ZodType>(
    req: StructuredRequest<S>,
    options?: RequestOptions,
  ): Promise<StructuredResult<z.output<S>>>;
  embed(req: EmbedRequest, options?: RequestOptions): Promise<EmbedResult>;
  image(req: ImageRequestInput, options?: RequestOptions): Promise<ImageResult>;
  /** OpenAI-compatible fetch for the openai SDK's `fetch` option or LangChain's `configuration.fetch`. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Request -> Response handler to mount under a route (OpenAI paths, any prefix). */
  handler: (request: Request) => Promise<Response>;
  breakerStates(): BreakerState[];
  /** Cached credit balances (refreshed in the background, never on a request's path). */
  credits(): CreditBalance[];
  refreshCredits(): Promise<void>;
  /** Which provider(s) are live, for the UI. Never includes a key. */
  describeLive(): string;
  /** Takes synced prices (each model's newest record) at once, for requests that start after. */
  applyCatalogPrices(records: readonly PriceRecord[]): number;
  /** The catalog as routed now, for the models page. */
  catalogModels(): CatalogModelView[];
  on<E extends keyof RouterEvents>(event: E, listener: (...args: RouterEvents[E]) => void): () => void;
  /** Waits for ledger writes still in flight. */
  flush(): Promise<void>;
  /** Stops background work and closes idle connections. */
  close(): Promise<void>;
}

function accountHeaders(
  account: LiveAccount,
  attribution: RouterConfig["attribution"],
): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
  };
  if (account.apiKey) headers.authorization = `Bearer ${account.apiKey}`;
  if (account.kind === "openrouter") {
    if (attribution?.url) headers["http-referer"] = attribution.url;
    if (attribution?.title) headers["x-title"] = attribution.title;
  }
  return headers;
}

/** Checks a typed call's body, then runs the operation; a bad body rejects like any other failure. */
function validated<Q, R>(
  operation: (deps: EngineDeps, req: Q, options: RequestOptions) => Promise<R>,
  deps: EngineDeps,
  check: Validator<Q>,
  body: unknown,
  options: RequestOptions,
): Promise<R> {
  try {
    return operation(deps, parseBody(check, body), options);
  } catch (err) {
    return Promise.reject(err);
  }
}

export function createRouter(config: RouterConfig = {}): Router {
  const env = parseRouterEnv(config.env);
  const rawEnv = config.env ?? process.env;
  const policy = mergePolicy(config.policy);
  // The configured time to live unless the caller's policy sets its own.
  if (config.policy?.idempotency?.ttlMs === undefined) {
    policy.idempotency.ttlMs = env.SWITCHYARD_IDEMPOTENCY_TTL_HOURS * 3_600_000;
  }
  const logger = config.logger ?? pino({ name: "switchyard-router", level: env.SWITCHYARD_LOG_LEVEL });
  const catalog = env.SWITCHYARD_CATALOG
    ? loadCatalogFile(env.SWITCHYARD_CATALOG)
    : buildCatalog(config.catalog);
  const events = new EventEmitter();
  const health = new HealthRegistry(policy.breaker, (change) => events.emit("breaker", change));
  const localProviderUrl = config.localProviderUrl ?? env.LOCAL_PROVIDER_URL;
  const accounts = liveAccounts(catalog, rawEnv, {
    ...(config.accounts ? { only: config.accounts } : {}),
    ...(config.baseUrls ? { baseUrls: config.baseUrls } : {}),
    localProviderUrl,
  });
  const live = new LiveCatalog(catalog, accounts, health);
  const classifier = config.classifier ?? heuristicClassifier;
  const extraSinks = config.ledger ? (Array.isArray(config.ledger) ? config.ledger : [config.ledger]) : [];
  const ledger = new LedgerWriter([pinoLedgerSink(logger), otelLedgerSink(), ...extraSinks], logger);
  const dispatcher = createDispatcher(rawEnv);
  const deps: EngineDeps = {
    live,
    health,
    dispatcher,
    policy,
    classify: async (messages, embedding) =>
      classifier.classify(embedding ? { messages, embedding } : { messages }),
    idempotency: config.idempotencyStore ?? new MemoryIdempotencyStore(),
    budget:
      config.budgetStore && config.budgets ? { store: config.budgetStore, limits: config.budgets } : null,
    ledger,
    events,
    appName: config.app ?? null,
    headers: new Map(accounts.map((a) => [a, accountHeaders(a, config.attribution)])),
  };
  const credits = new CreditMonitor(accounts, policy.credits, events, logger, dispatcher);
  credits.start();

  const api = {
    chat: (req: ChatRequest, o: RequestOptions) => chat(deps, req, o),
    stream: (req: ChatRequest, o: RequestOptions) => stream(deps, req, o),
    embed: (req: EmbeddingRequest, o: RequestOptions) => embed(deps, req, o),
    image: (req: ImageRequestInput, o: RequestOptions) => image(deps, req, o),
    models: () =>
      live.catalog.models
        .filter((m) => live.get(m.id)?.routes.length)
        .map((m) => ({ id: m.id, capabilities: m.capabilities })),
  };
  const handler = createHandler(api);

  return {
    chat: (req, o = noOptions) => validated(chat, deps, checkChatRequest, req, o),
    stream: (req, o = noOptions) => stream(deps, parseBody(checkChatRequest, { ...req, stream: true }), o),
    structured: (req, o = noOptions) => {
      const { schema, name = "answer", description, strict, ...body } = req;
      const spec = {
        schema,
        name,
        ...(description ? { description } : {}),
        ...(strict !== undefined ? { strict } : {}),
      };
      return validated(
        (d, r: ChatRequest, opts) => structured(d, r, opts, spec),
        deps,
        checkChatRequest,
        body,
        o,
      );
    },
    embed: (req, o = noOptions) =>
      validated(
        embed,
        deps,
        checkEmbeddingRequest,
        { model: req.model ?? "auto", input: req.input, dimensions: req.dimensions },
        o,
      ),
    image: (req, o = noOptions) =>
      validated(image, deps, checkImageRequest, { ...req, model: req.model ?? "auto" }, o),
    fetch: (input, init) => handler(input instanceof Request && !init ? input : new Request(input, init)),
    handler,
    breakerStates: () => health.snapshot(),
    credits: () => credits.balances(),
    refreshCredits: () => credits.refresh(),
    describeLive: () => liveLabel(accounts, localProviderUrl),
    applyCatalogPrices: (records) => live.applySynced(records),
    catalogModels: () => catalogView(live),
    on(event, listener) {
      events.on(event, listener as (...args: unknown[]) => void);
      return () => events.off(event, listener as (...args: unknown[]) => void);
    },
    flush: () => ledger.flush(),
    async close() {
      credits.stop();
      await ledger.flush();
      await dispatcher.destroy();
    },
  };
}
