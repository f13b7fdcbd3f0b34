// POST {question, tier} -> an NDJSON stream of AskEvents (sources, meta, delta…, done | error), answered
// from the signed-in user's todos, routed at their stop of the dial, counted against their ask rate limit
// and daily budget.
import { apiRoute, readJson, routerOptionsFor } from "@switchyard/server";
import { askEvents, ndjsonResponse } from "@/lib/askStream.ts";
import { userDialStop } from "@/lib/dial/userDial.ts";
import { askInput } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ rateLimit: "ask" }, async (req, { user }) => {
  const { question, tier } = await readJson(req, askInput, 8 * 1024);
  const { ask, db } = await todoServices();
  // The threshold comes from the user's stored stop, never from the request.
  const { threshold } = await userDialStop(db, user.id);
  const routing = routerOptionsFor(user);
  const request = { owner: user.id, routing, question, tier, threshold, signal: req.signal };
  return ndjsonResponse(askEvents((r) => ask.invoke(r), request));
});
