import { errorResponse, readJson } from "@switchyard/server";
import {
  asApiError,
  type BuildRouteContext,
  buildChain,
  reviewInput,
  todoOfRoute,
} from "@/lib/build/buildRoutes.ts";

export const dynamic = "force-dynamic";

/** Approve, request changes (the coder runs again after the response) or reject the latest revision. */
export async function POST(req: Request, ctx: BuildRouteContext) {
  try {
    const { action, revision, comment } = await readJson(req, reviewInput, 8 * 1024);
    const { owner, todo } = await todoOfRoute(ctx);
    const { build } = await (await buildChain()).review(owner, todo.id, action, revision, comment);
    return Response.json({ build }, { status: action === "request_changes" ? 202 : 200 });
  } catch (error) {
    return errorResponse(asApiError(error));
  }
}
