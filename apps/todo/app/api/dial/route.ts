// GET the signed-in user's stop of the cost/quality dial, every stop's expected strong share and what
// today's questions would have cost at it; PUT { stop } to route their next questions there.
import { ApiError, apiRoute, readJson } from "@switchyard/server";
import { dialChoice } from "@/lib/dial/dialSchemas.ts";
import { dialView, todaysScoredQuestions } from "@/lib/dial/dialToday.ts";
import { saveUserDialStop, todoDial, userDialStop } from "@/lib/dial/userDial.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

async function currentView(userId: string, stop: string): Promise<Response> {
  const { db, router } = await todoServices();
  await router.flush(); // ledger rows are written in the background; include the latest answer
  const questions = await todaysScoredQuestions(db, userId, new Date());
  return Response.json(dialView(stop, questions, router.catalogModels()));
}

export const GET = apiRoute({}, async (_req, { user }) => {
  const { db } = await todoServices();
  return currentView(user.id, (await userDialStop(db, user.id)).name);
});

export const PUT = apiRoute({}, async (req, { user }) => {
  const { stop } = await readJson(req, dialChoice, 1024);
  const names = todoDial().stops.map((s) => s.name);
  if (!names.includes(stop)) {
    throw new ApiError("invalid_request", `No dial stop "${stop}". Stops: ${names.join(", ")}.`, 400);
  }
  const { db } = await todoServices();
  return currentView(user.id, (await saveUserDialStop(db, user.id, stop)).name);
});
