// POST approves, requests changes (the coder runs again after the response: a build, rate-limited as
// one) or rejects the latest revision of the signed-in user's build.
import { readJson, routerOptionsFor } from "@switchyard/server";
import { buildChain, buildRoute, reviewInput } from "@/lib/build/buildRoutes.ts";

export const dynamic = "force-dynamic";

export const POST = buildRoute({ rateLimit: "build" }, async (req, { user, todo }) => {
  const { action, revision, comment } = await readJson(req, reviewInput, 8 * 1024);
  const chain = await buildChain();
  const { build } = await chain.review(user.id, todo.id, action, revision, comment, routerOptionsFor(user));
  return Response.json({ build }, { status: action === "request_changes" ? 202 : 200 });
});
