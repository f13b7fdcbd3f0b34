// The gateway as one `Request -> Response` function: route, virtual key, model allow-list, rate limits,
// then the router's own handler with the key's owner, key id and budget scopes on the request. Every
// refusal is a JSON error with a stable code (gatewayErrors.ts); nothing here ever answers a stack trace.
import { type Database, findGatewayKeyByHash, type GatewayKey } from "@switchyard/db";
import {
  type BudgetScope,
  createParsedHandler,
  errorResponse,
  type ParsedRequest,
  type RequestOptions,
  type Router,
} from "@switchyard/router";
import { gatewayError } from "./gatewayErrors.ts";
import { GATEWAY_APP } from "./gatewayRouter.ts";
import { MONTH_SCOPE_SUFFIX } from "./keys/keyBudgetStore.ts";
import { cachedKeyLookup } from "./keys/keyCache.ts";
import type { KeyRateLimits } from "./keys/keyRateLimits.ts";
import { keyStatus } from "./keys/keyStatus.ts";

/** The router's own cap on a body (validate.ts), checked here before the gateway reads one. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const postRoutes = new Set(["/chat/completions", "/embeddings", "/images/generations"]);
const getRoutes = new Set(["/models", "/key"]);

/** "/v1/chat/completions" and OpenRouter's "/api/v1/chat/completions" -> "/chat/completions". */
function routeOf(pathname: string): string | null {
  const match = /^(?:\/api)?\/v1(\/[a-z/]+?)\/*$/.exec(pathname);
  return match?.[1] ?? null;
}

export interface GatewayDeps {
  db: Database;
  router: Router;
  /** The keys' rate limits; the router's ledger charges their output tokens (createGatewayRouter). */
  limits: KeyRateLimits;
}

/**
 * What the gateway reads of a request. The server hands it Node's own request (its body read straight
 * from the socket, no web Request built); tests and other fetch hosts wrap a Request (webRequest).
 */
export interface GatewayRequest {
  method: string;
  url: string;
  headers: Headers;
  body: AsyncIterable<Uint8Array> | null;
  /** Aborted when the client goes away: the upstream call stops and its ledger row says so. */
  signal: AbortSignal;
}

export const webRequest = (request: Request): GatewayRequest => ({
  method: request.method,
  url: request.url,
  headers: request.headers,
  body: request.body as AsyncIterable<Uint8Array> | null,
  signal: request.signal,
});

export function createGateway(deps: GatewayDeps): (request: GatewayRequest) => Promise<Response> {
  const { db, router, limits: rateLimits } = deps;
  const findKey = cachedKeyLookup((hash) => findGatewayKeyByHash(db, hash));
  // One handler per key as the cache last read it: a request builds none of its own.
  const handlers = new WeakMap<GatewayKey, (request: ParsedRequest) => Promise<Response>>();
  const handlerOf = (key: GatewayKey) => {
    const known = handlers.get(key);
    if (known) return known;
    const handler = keyedHandler(router, key);
    handlers.set(key, handler);
    return handler;
  };
  return async (request) => {
    try {
      const route = routeOf(new URL(request.url).pathname);
      const known = route !== null && (postRoutes.has(route) || getRoutes.has(route));
      if (!known) return gatewayError("not_found", "No such route.");
      const allow = postRoutes.has(route) ? "POST" : "GET";
      if (request.method !== allow)
        return gatewayError("method_not_allowed", `${route} takes ${allow}.`, { allow });

      const auth = await authenticate(findKey, request.headers.get("authorization"));
      if (auth instanceof Response) return auth;

      if (route === "/models") return modelsResponse(router, auth);
      if (route === "/key") return keyStatus(db, auth);

      const text = await boundedText(request.body);
      if (text instanceof Response) return text;
      const body = parseObject(text);
      if (body instanceof Response) return body;
      const refused = modelRefusal(auth, body);
      if (refused) return refused;

      const limits = await rateLimits.take(auth, Math.ceil(text.length / 4));
      if (!limits.allowed) {
        const retry = String(limits.retryAfterSeconds);
        return gatewayError(
          "rate_limited",
          `Too many ${limits.limit} for this key: try again in ${retry} s.`,
          { ...limits.headers, "retry-after": retry, "x-should-retry": "true" },
          { limit: limits.limit },
        );
      }
      const response = await handlerOf(auth)({
        path: route,
        body,
        headers: request.headers,
        signal: request.signal,
        responseHeaders: limits.headers,
      });
      return response.status === 402 ? keyBudgetRefusal(response, limits.headers) : response;
    } catch (err) {
      return errorResponse(err);
    }
  };
}

async function authenticate(
  findKey: (secret: string) => Promise<GatewayKey | null>,
  header: string | null,
): Promise<GatewayKey | Response> {
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) return gatewayError("missing_api_key", "Send a virtual key: Authorization: Bearer sk-sy-….");
  const key = await findKey(token);
  if (!key) return gatewayError("invalid_api_key", "Incorrect API key provided.");
  if (key.revokedAt) return gatewayError("key_revoked", "This key was revoked.");
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now())
    return gatewayError("key_expired", `This key expired at ${key.expiresAt.toISOString()}.`);
  return key;
}

/**
 * The body as text, kept no further than MAX_BODY_BYTES whether or not it says its length. The rest of
 * an oversize body is read and thrown away (up to 8 times the cap) so a client still sending it gets
 * the 413; past that the connection closes after the answer instead of being reused.
 */
async function boundedText(body: AsyncIterable<Uint8Array> | null): Promise<string | Response> {
  if (!body) return "";
  // Not for-await: leaving that loop would destroy the socket before the 413 is written.
  const chunks = body[Symbol.asyncIterator]();
  const kept: Uint8Array[] = [];
  let size = 0;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    size += next.value.byteLength;
    if (size <= MAX_BODY_BYTES) kept.push(next.value);
    else if (size > MAX_BODY_BYTES * 8) return tooLarge({ connection: "close" });
  }
  return size > MAX_BODY_BYTES ? tooLarge() : Buffer.concat(kept, size).toString("utf8");
}

const tooLarge = (headers: Record<string, string> = {}) =>
  gatewayError("payload_too_large", `Request body over ${MAX_BODY_BYTES} bytes.`, headers);

function parseObject(text: string): Record<string, unknown> | Response {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return gatewayError("invalid_json", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return gatewayError("invalid_request", "The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** Every model the body names (`model`, OpenRouter's `models`) must be on the key's list, if it has one. */
function modelRefusal(key: GatewayKey, body: Record<string, unknown>): Response | null {
  if (key.allowedModels.length === 0) return null;
  const asked = [body.model ?? "auto", ...(Array.isArray(body.models) ? body.models : [])];
  const denied = asked.find((m) => typeof m !== "string" || !key.allowedModels.includes(m));
  if (denied === undefined) return null;
  return gatewayError(
    "model_not_allowed",
    `This key may not use ${JSON.stringify(denied)}.`,
    {},
    {
      allowed: key.allowedModels,
    },
  );
}

/**
 * The router names a refused scope as a day's budget; a key's scopes read better as the key's, and its
 * month's cap resets on the first of next month, not at midnight.
 */
async function keyBudgetRefusal(response: Response, headers: Record<string, string>): Promise<Response> {
  const body = (await response.json()) as { error?: { code?: string; details?: Record<string, unknown> } };
  const details = body.error?.details ?? {};
  const scope = typeof details.scope === "string" ? details.scope : "";
  if (body.error?.code !== "budget_exceeded" || !scope.startsWith("vkey:"))
    return new Response(JSON.stringify(body), { status: 402, headers: response.headers });
  const monthly = scope.endsWith(MONTH_SCOPE_SUFFIX);
  const now = new Date();
  const resetsAt = monthly
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString()
    : String(details.resetsAt ?? "");
  const usd = (n: unknown) => `$${Number(n).toPrecision(2)}`;
  return gatewayError(
    "budget_exceeded",
    `This key's ${monthly ? "monthly" : "daily"} budget (${usd(details.limitUsd)}) would be exceeded: ` +
      `${usd(details.usedUsd)} used. It resets at ${resetsAt}.`,
    { ...headers, "x-should-retry": "false" },
    { ...details, period: monthly ? "month" : "day", resetsAt },
  );
}

function modelsResponse(router: Router, key: GatewayKey): Response {
  const all = router.catalogModels().filter((m) => m.routable);
  const allowed = key.allowedModels.length === 0 ? all : all.filter((m) => key.allowedModels.includes(m.id));
  return Response.json({
    object: "list",
    data: allowed.map((m) => ({
      id: m.id,
      object: "model",
      owned_by: "switchyard",
      capabilities: m.capabilities,
    })),
  });
}

/**
 * The router's handler over the typed API with this key's facts on every call: the owner as user, the
 * key id for the ledger, the key's daily and monthly caps as budget scopes. Whatever the client put in
 * x-switchyard-user or -app is overridden, so nobody spends another account's budget.
 */
function keyedHandler(router: Router, key: GatewayKey): (request: ParsedRequest) => Promise<Response> {
  const budgetScopes: BudgetScope[] = [];
  if (key.dailyUsd !== null) budgetScopes.push({ scope: `vkey:${key.id}`, limitUsd: key.dailyUsd });
  if (key.monthlyUsd !== null)
    budgetScopes.push({ scope: `vkey:${key.id}${MONTH_SCOPE_SUFFIX}`, limitUsd: key.monthlyUsd });
  const keyed = (o: RequestOptions): RequestOptions => ({
    ...o,
    app: GATEWAY_APP,
    userId: key.ownerId,
    keyId: key.id,
    budgetScopes,
  });
  return createParsedHandler({
    chat: (req, o) => router.chat(req, keyed(o)),
    stream: (req, o) => router.stream(req, keyed(o)),
    embed: (req, o) => router.embed(req, keyed(o)),
    image: (req, o) => router.image(req, keyed(o)),
    models: () => [],
  });
}
