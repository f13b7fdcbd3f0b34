import { errorResponse } from "@switchyard/server";
import { asApiError, type BuildRouteContext, buildChain, todoOfRoute } from "@/lib/build/buildRoutes.ts";

export const dynamic = "force-dynamic";

/** Runs the failed step again; model calls that already succeeded replay from the idempotency store. */
export async function POST(_req: Request, ctx: BuildRouteContext) {
  try {
    const { owner, todo } = await todoOfRoute(ctx);
    const { build } = await (await buildChain()).retry(owner, todo.id);
    return Response.json({ build }, { status: 202 });
  } catch (error) {
    return errorResponse(asApiError(error));
  }
}
