// POST { label, question } grades one of the signed-in user's answers by its ledger request id: "strong"
// (it needed the strong model) or "fast" (the cheap one would do). The question is stored only when they
// opted in for this answer (non-null); an answer that is not theirs is 404, as one that does not exist.
import { ApiError, apiRoute, readJson } from "@switchyard/server";
import { feedbackInput, requestIdParam } from "@/lib/dial/dialSchemas.ts";
import { saveAnswerFeedback } from "@/lib/feedback/answerFeedback.ts";
import { APP_NAME, todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

type Params = { requestId: string };

const notFound = () => new ApiError("not_found", "No such answer.", 404);

export const POST = apiRoute<Params>({}, async (req, { user, params }) => {
  const requestId = requestIdParam.safeParse(params.requestId);
  if (!requestId.success) throw notFound();
  const input = await readJson(req, feedbackInput, 8 * 1024);
  const { db, router } = await todoServices();
  await router.flush(); // the answer's ledger row may still be on its way
  const saved = await saveAnswerFeedback(db, { userId: user.id, app: APP_NAME }, requestId.data, input);
  if (!saved) throw notFound();
  return Response.json({ feedback: saved });
});
