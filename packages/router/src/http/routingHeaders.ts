// Routing metadata as response headers of the fetch face and handler (x-switchyard-*).
import type { RoutingMeta } from "../types.ts";

// A model id comes from the client (or the provider) and may hold anything; a header value must be
// printable ASCII here or Response throws. Others are percent-encoded, as the reasons are.
const asHeader = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value));

export function routingHeaders(meta: RoutingMeta, into: Record<string, string> = {}): Record<string, string> {
  into["x-switchyard-request-id"] = meta.requestId;
  into["x-switchyard-model-requested"] = asHeader(meta.modelRequested);
  if (meta.modelUsed) into["x-switchyard-model"] = asHeader(meta.modelUsed);
  if (meta.provider) into["x-switchyard-provider"] = meta.provider;
  if (meta.endpoint) into["x-switchyard-endpoint"] = meta.endpoint;
  if (meta.tier) into["x-switchyard-tier"] = meta.tier;
  if (meta.score !== null) into["x-switchyard-score"] = meta.score.toFixed(3);
  if (meta.reasons.length > 0) into["x-switchyard-reasons"] = encodeURIComponent(meta.reasons.join("; "));
  into["x-switchyard-failover"] = String(meta.failover);
  into["x-switchyard-attempts"] = String(meta.attempts);
  into["x-switchyard-replay"] = String(meta.replay);
  into["x-switchyard-cost-usd"] = meta.costUsd.toFixed(8);
  if (meta.ttftMs !== null) into["x-switchyard-ttft-ms"] = meta.ttftMs.toFixed(1);
  into["x-switchyard-latency-ms"] = meta.latencyMs.toFixed(1);
  return into;
}
