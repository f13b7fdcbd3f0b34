// The HTTP server: finds the endpoint from the path prefix (`/<endpoint>/v1/...`, bare `/v1/...` is
// `default`), applies outages and auth, dispatches to a route, and turns every failure into a JSON
// error with a stable code. Nothing here ever sends a stack trace.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { chatCompletions } from "./chatCompletions.ts";
import { createControl, handleControlRoute, type ProviderControl } from "./controlApi.ts";
import { embeddings } from "./embeddings.ts";
import { EndpointState } from "./endpointState.ts";
import { imageGenerations } from "./imageGenerations.ts";
import { keyInfo, listModels } from "./modelsAndKey.ts";
import { ProviderError, sendError } from "./providerError.ts";
import type { ResolvedProfiles } from "./providerProfiles.ts";
import type { RequestContext } from "./requestContext.ts";
import { RequestLog } from "./requestLog.ts";
import { ClientGoneError } from "./sleep.ts";

type Route = (ctx: RequestContext) => Promise<void> | void;

/** Keyed by method and path after the endpoint prefix, with OpenRouter's /api/v1 folded into /v1. */
const routes: Record<string, Route> = {
  "POST /v1/chat/completions": chatCompletions,
  "POST /v1/embeddings": embeddings,
  "POST /v1/images/generations": imageGenerations,
  "GET /v1/models": listModels,
  "GET /v1/key": keyInfo,
};
const GENERATION_PATHS = new Set(["/v1/chat/completions", "/v1/embeddings", "/v1/images/generations"]);

export function generationId(): string {
  return `gen-${Math.floor(Date.now() / 1000)}-${randomBytes(10).toString("hex")}`;
}

function splitEndpoint(pathname: string, endpoints: Map<string, EndpointState>) {
  const [, first = "", ...rest] = pathname.split("/");
  if (first === "v1" || first === "api") return { name: "default", path: pathname };
  if (!endpoints.has(first)) {
    throw new ProviderError(404, "unknown_endpoint", `No endpoint named "${first}".`, {
      endpoints: [...endpoints.keys()],
    });
  }
  return { name: first, path: `/${rest.join("/")}` };
}

function checkAuth(req: IncomingMessage, endpoint: EndpointState) {
  const expected = endpoint.spec.apiKey;
  if (expected === undefined) return;
  const sent = req.headers.authorization;
  if (!sent)
    throw new ProviderError(
      401,
      "unauthorized",
      "No auth credentials found: send Authorization: Bearer <key>.",
    );
  if (sent !== `Bearer ${expected}`)
    throw new ProviderError(401, "unauthorized", "Invalid API key for this endpoint.");
}

export interface ProviderServer {
  server: Server;
  control: ProviderControl;
}

export function createProviderServer(profiles: ResolvedProfiles): ProviderServer {
  const endpoints = new Map(
    Object.entries(profiles.endpoints).map(([name, spec]) => [
      name,
      new EndpointState(name, spec, profiles.seed),
    ]),
  );
  const requestLog = new RequestLog();
  const control = createControl(endpoints, requestLog);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://local");
    if (
      await handleControlRoute(
        req,
        res,
        url.pathname,
        url.searchParams,
        control,
        endpoints,
        profiles.maxBodyBytes,
      )
    ) {
      return;
    }
    const { name, path } = splitEndpoint(url.pathname, endpoints);
    const endpoint = endpoints.get(name)!;
    const key = req.headers["idempotency-key"] ?? req.headers["x-idempotency-key"];
    const requestId = generationId();
    const entry = requestLog.add({
      at: Date.now(),
      endpoint: name,
      path,
      stream: false,
      status: 0,
      requestId,
      ...(typeof key === "string" ? { idempotencyKey: key } : {}),
    });
    const recordStatus = () => {
      if (entry.status === 0 && res.headersSent) entry.status = res.statusCode;
    };
    res.once("finish", recordStatus);
    res.once("close", recordStatus);

    const down = endpoint.faults.down;
    if (down === "reset") {
      res.socket?.resetAndDestroy();
      return;
    }
    if (down) {
      throw new ProviderError(
        503,
        "service_unavailable",
        `${endpoint.provider} is down (simulated outage).`,
        {
          provider_name: endpoint.provider,
        },
      );
    }
    const normalized = path.startsWith("/api/v1/") ? path.slice(4) : path;
    const route = routes[`${req.method} ${normalized}`];
    if (!route) {
      const known = Object.keys(routes).some((r) => r.endsWith(` ${normalized}`));
      if (known)
        throw new ProviderError(405, "method_not_allowed", `${req.method} is not allowed on ${path}.`);
      throw new ProviderError(404, "not_found", `No route ${req.method} ${path}.`, {
        routes: Object.keys(routes),
      });
    }
    if (GENERATION_PATHS.has(normalized) || normalized === "/v1/key") checkAuth(req, endpoint);

    const aborter = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) aborter.abort();
    });
    await route({ req, res, endpoint, profiles, entry, signal: aborter.signal, requestId });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof ClientGoneError || res.destroyed) return;
      const error =
        err instanceof ProviderError
          ? err
          : new ProviderError(500, "server_error", "The local provider failed to handle this request.");
      if (!(err instanceof ProviderError))
        console.error(`[local-provider] ${(err as Error)?.message ?? String(err)}`);
      if (res.headersSent) {
        res.end();
        return;
      }
      sendError(res, error);
    });
  });
  return { server, control };
}
