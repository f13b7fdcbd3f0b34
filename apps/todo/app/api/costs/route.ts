// GET the signed-in user's spend today in this app and the saving versus GPT-4o alone.
import { apiRoute } from "@switchyard/server";
import { costSummary } from "@/lib/costSummary.ts";
import { APP_NAME, todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async (_req, { user }) => {
  const { db, router } = await todoServices();
  await router.flush(); // ledger rows are written in the background; include the latest answer
  return Response.json(await costSummary(db, { app: APP_NAME, userId: user.id }));
});
