// What every route handler gets: the request, its endpoint's live state, the log entry to fill, and
// a signal that aborts when the client disconnects.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EndpointState } from "./endpointState.ts";
import type { ResolvedProfiles } from "./providerProfiles.ts";
import type { RequestLogEntry } from "./requestLog.ts";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  endpoint: EndpointState;
  profiles: ResolvedProfiles;
  entry: RequestLogEntry;
  signal: AbortSignal;
  /** `gen-…`, returned as the response id and in the X-Generation-Id header. */
  requestId: string;
}

/** OpenRouter-style error metadata naming who answered. */
export function providerMetadata(ctx: RequestContext, model?: string): Record<string, unknown> {
  return { provider_name: ctx.endpoint.provider, ...(model ? { model_slug: model } : {}) };
}
