// Routing metadata as response headers of the fetch face and handler (x-switchyard-*).
import type { RoutingMeta } from "../types.ts";

export function routingHeaders(meta: RoutingMeta, into: Record<string, string> = {}): Record<string, string> {
  into["x-switchyard-request-id"] = meta.requestId;
  into["x-switchyard-model-requested"] = meta.modelRequested;
  if (meta.modelUsed) into["x-switchyard-model"] = meta.modelUsed;
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
