// Per-request options from an OpenAI-style HTTP request: our headers, the Idempotency-Key header,
// and OpenRouter-style `provider` hints in the body (what LangChain's modelKwargs sends).
import type { ChatRequest } from "@switchyard/wire";
import type { RequestOptions } from "../types.ts";

export function optionsFromRequest(
  headers: Headers,
  body: { user?: string; provider?: ChatRequest["provider"] },
  signal: AbortSignal,
): RequestOptions {
  const o: RequestOptions = { signal };
  const key = headers.get("idempotency-key");
  if (key) o.idempotencyKey = key;
  const app = headers.get("x-switchyard-app");
  if (app) o.app = app;
  const feature = headers.get("x-switchyard-feature");
  if (feature) o.feature = feature;
  const user = headers.get("x-switchyard-user") ?? body.user;
  if (user) o.userId = user;
  const p = body.provider;
  if (p) {
    if (p.zdr) o.zdrOnly = true;
    if (p.only) o.only = p.only;
    if (p.ignore) o.ignore = p.ignore;
    if (p.sort) o.sort = p.sort;
    if (p.max_price) o.maxPrice = p.max_price;
  }
  return o;
}
