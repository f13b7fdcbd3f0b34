// POST a proposal card the user approved: validated again, run on the user's own todos, once per
// proposal id (a repeat replays: 200 with idempotent-replayed true). Another user's todo is 404.
import { apiRoute, readJson, routerOptionsFor } from "@switchyard/server";
import { applyProposal } from "@/lib/assistant/applyProposal.ts";
import { proposal } from "@/lib/assistant/proposals.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const POST = apiRoute({}, async (req, { user }) => {
  const approved = await readJson(req, proposal, 16 * 1024);
  const services = await todoServices();
  const { todo, replay } = await applyProposal(services, user.id, approved, routerOptionsFor(user));
  return Response.json(
    { todo },
    { status: replay ? 200 : 201, headers: { "idempotent-replayed": String(replay) } },
  );
});
