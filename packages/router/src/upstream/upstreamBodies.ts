// Request bodies as each kind of upstream wants them. OpenRouter gets the routing hints as its own
// `provider` and `models` fields; other upstreams never see those fields (OpenAI rejects them).
import type { ChatRequest, EmbeddingRequest } from "@switchyard/wire";
import type { LiveCatalog, LiveRoute } from "../catalog/liveCatalog.ts";
import type { RequestOptions } from "../types.ts";

function openRouterProvider(
  req: { provider?: ChatRequest["provider"] },
  route: LiveRoute,
  o: RequestOptions,
) {
  const provider: Record<string, unknown> = { ...req.provider };
  // A route pinned to one upstream provider asks OpenRouter for it first, unless the caller chose an order.
  if (route.route.upstreamProvider && !provider.order) provider.order = [route.route.upstreamProvider];
  if (o.zdrOnly) provider.zdr = true;
  if (o.sort) provider.sort = o.sort;
  if (o.maxPrice) provider.max_price = o.maxPrice;
  return Object.keys(provider).length > 0 ? provider : undefined;
}

export function chatBody(
  live: LiveCatalog,
  req: ChatRequest,
  route: LiveRoute,
  o: RequestOptions,
  stream: boolean,
): Record<string, unknown> {
  const { models, provider: _provider, ...rest } = req;
  const body: Record<string, unknown> = { ...rest, model: route.route.upstreamModel };
  if (stream) {
    body.stream = true;
    // Ask for the trailing usage chunk so cost is known even for streams.
    body.stream_options = { ...req.stream_options, include_usage: true };
  } else {
    delete body.stream;
    delete body.stream_options;
  }
  if (route.account.kind === "openrouter") {
    const provider = openRouterProvider(req, route, o);
    if (provider) body.provider = provider;
    if (models && models.length > 0) {
      body.models = models
        .map((id) => live.get(id)?.routes.find((r) => r.account === route.account)?.route.upstreamModel ?? id)
        .filter((id) => id !== route.route.upstreamModel);
    }
  }
  return body;
}

export function embeddingBody(req: EmbeddingRequest, route: LiveRoute): Record<string, unknown> {
  const body: Record<string, unknown> = { ...req, model: route.route.upstreamModel };
  const dimensions = req.dimensions ?? route.model.dimensions;
  // The local model is natively 512-d; hosted models are asked for the catalog's dimensions.
  if (dimensions !== undefined && route.account.kind !== "local") body.dimensions = dimensions;
  return body;
}
