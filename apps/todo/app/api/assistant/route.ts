// POST { message }: one assistant turn. The model may search the user's todos and proposes changes as
// cards; nothing is written here. Model calls count against the ask limits and the user's budget.
import { apiRoute, readJson, routerOptionsFor } from "@switchyard/server";
import { runAssistant } from "@/lib/assistant/assistantLoop.ts";
import { assistantInput } from "@/lib/assistant/proposals.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ rateLimit: "ask" }, async (req, { user }) => {
  const { message } = await readJson(req, assistantInput, 16 * 1024);
  const services = await todoServices();
  return Response.json(await runAssistant(services, user.id, message, routerOptionsFor(user)));
});
