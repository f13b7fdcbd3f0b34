// The run-time control surface, as an object (for tests in the same process) and over HTTP (for
// benchmarks and browser tests in other processes): change faults, reset, read the request log.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { EndpointState } from "./endpointState.ts";
import { type FaultProfile, parseFaultPatch } from "./faultProfile.ts";
import { invalidRequest, ProviderError, sendJson } from "./providerError.ts";
import { readJsonBody } from "./readJsonBody.ts";
import type { RequestLog, RequestLogEntry, RequestLogFilter } from "./requestLog.ts";

export interface ProviderControl {
  /** Merges `patch` into the endpoint's current faults (top-level fields are replaced whole). */
  setFaults(endpoint: string, patch: Partial<FaultProfile>): void;
  /** Restores every endpoint's faults from the profile, refills credit and buckets, clears the log. */
  reset(): void;
  log(filter?: RequestLogFilter): RequestLogEntry[];
}

export function createControl(
  endpoints: Map<string, EndpointState>,
  requestLog: RequestLog,
): ProviderControl {
  return {
    setFaults(name, patch) {
      const endpoint = endpoints.get(name);
      if (!endpoint) {
        throw new ProviderError(404, "unknown_endpoint", `No endpoint named "${name}".`, {
          endpoints: [...endpoints.keys()],
        });
      }
      endpoint.setFaults(patch);
    },
    reset() {
      for (const endpoint of endpoints.values()) endpoint.reset();
      requestLog.clear();
    },
    log: (filter) => requestLog.list(filter),
  };
}

const faultsBody = z.object({ endpoint: z.string().min(1) }).loose();

/** Serves /health and /control/*; returns false when the path is not one of them. */
export async function handleControlRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  control: ProviderControl,
  endpoints: Map<string, EndpointState>,
  maxBodyBytes: number,
): Promise<boolean> {
  const route = `${req.method} ${path}`;
  if (route === "GET /health") {
    sendJson(res, 200, {
      ok: true,
      endpoints: [...endpoints.keys()],
      details: [...endpoints.values()].map((e) => ({ name: e.name, provider: e.provider, zdr: e.spec.zdr })),
    });
    return true;
  }
  if (!path.startsWith("/control/")) return false;
  if (route === "POST /control/faults") {
    const parsed = faultsBody.safeParse(await readJsonBody(req, maxBodyBytes));
    if (!parsed.success) throw invalidRequest(parsed.error);
    const { endpoint, ...patch } = parsed.data;
    control.setFaults(endpoint, parseFaultPatch(patch));
    sendJson(res, 200, { ok: true, endpoint, faults: endpoints.get(endpoint)!.faults });
    return true;
  }
  if (route === "POST /control/reset") {
    control.reset();
    sendJson(res, 200, { ok: true });
    return true;
  }
  if (route === "GET /control/log") {
    const filter: RequestLogFilter = {};
    for (const key of ["endpoint", "idempotencyKey", "path"] as const) {
      const value = query.get(key);
      if (value) filter[key] = value;
    }
    sendJson(res, 200, control.log(filter));
    return true;
  }
  throw new ProviderError(404, "not_found", `No control route ${route}.`, {
    routes: ["POST /control/faults", "POST /control/reset", "GET /control/log"],
  });
}
