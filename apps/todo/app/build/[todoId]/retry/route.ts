// POST runs the failed step again; model calls that already succeeded replay from the idempotency store.
import { routerOptionsFor } from "@switchyard/server";
import { buildChain, buildRoute } from "@/lib/build/buildRoutes.ts";

export const dynamic = "force-dynamic";

export const POST = buildRoute({ rateLimit: "build" }, async (_req, { user, todo }) => {
  const { build } = await (await buildChain()).retry(user.id, todo.id, "auto", routerOptionsFor(user));
  return Response.json({ build }, { status: 202 });
});
