// GET the latest build of the signed-in user's todo (the page polls it); POST starts planning, or
// returns the build already running or waiting for review. Steps run after the response.
import { readJson, routerOptionsFor } from "@switchyard/server";
import { buildChain, buildRoute, startBuildInput } from "@/lib/build/buildRoutes.ts";

export const dynamic = "force-dynamic";

export const GET = buildRoute({}, async (_req, { user, todo }) =>
  Response.json({ build: await (await buildChain()).get(user.id, todo.id) }),
);

export const POST = buildRoute({ rateLimit: "build" }, async (req, { user, todo }) => {
  const { tier } = await readJson(req, startBuildInput, 1024);
  const { build } = await (await buildChain()).start(user.id, todo, tier, routerOptionsFor(user));
  return Response.json({ build }, { status: 202 });
});
