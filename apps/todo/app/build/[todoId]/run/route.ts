import { errorResponse, readJson } from "@switchyard/server";
import {
  asApiError,
  type BuildRouteContext,
  buildChain,
  startBuildInput,
  todoOfRoute,
} from "@/lib/build/buildRoutes.ts";

export const dynamic = "force-dynamic";

/** The todo's latest build, or null. The page polls this while a step runs. */
export async function GET(_req: Request, ctx: BuildRouteContext) {
  try {
    const { owner, todo } = await todoOfRoute(ctx);
    return Response.json({ build: await (await buildChain()).get(owner, todo.id) });
  } catch (error) {
    return errorResponse(asApiError(error));
  }
}

/** Starts planning (or returns the build already running or waiting for review); steps run after the response. */
export async function POST(req: Request, ctx: BuildRouteContext) {
  try {
    const { tier } = await readJson(req, startBuildInput, 1024);
    const { owner, todo } = await todoOfRoute(ctx);
    const { build } = await (await buildChain()).start(owner, todo, tier);
    return Response.json({ build }, { status: 202 });
  } catch (error) {
    return errorResponse(asApiError(error));
  }
}
