// What the apps' /usage routes call: each app's route file is one line that names the app.
import { z } from "zod";
import { ApiError, errorResponse } from "../apiErrors.ts";
import { getDb, getRouter } from "../services.ts";
import { attemptChain } from "./requestLog.ts";
import { type UsageDashboardData, usageDashboard } from "./usageDashboard.ts";
import { parseUsageQuery, type SearchParams } from "./usageQuery.ts";

/** The dashboard for a page: `searchParams` as Next passes them (bad values fall back to defaults). */
export async function loadUsageDashboard(
  app: string,
  params: SearchParams = {},
): Promise<UsageDashboardData> {
  const [{ db }, router] = await Promise.all([getDb(), getRouter(app)]);
  // Ledger rows are written in the background: include the requests that just finished.
  await router.flush();
  return usageDashboard({ db, router, app }, parseUsageQuery(params));
}

/** GET /usage/api?range=24h&groupBy=model&app=&feature=&model=&outcome=&page= : the dashboard as JSON. */
export async function usageGET(req: Request, app: string): Promise<Response> {
  try {
    return Response.json(await loadUsageDashboard(app, new URL(req.url).searchParams));
  } catch (error) {
    return errorResponse(error);
  }
}

const requestIdSchema = z.string().regex(/^[\w-]{1,100}$/, "Not a request id.");

/** GET /usage/api/requests/:requestId : one request's row and its attempt chain. */
export async function usageRequestGET(app: string, requestId: string): Promise<Response> {
  try {
    const id = requestIdSchema.parse(requestId);
    const [{ db }, router] = await Promise.all([getDb(), getRouter(app)]);
    await router.flush();
    const chain = await attemptChain(db, id);
    if (!chain.request && chain.attempts.length === 0)
      throw new ApiError("request_not_found", "No request with that id is in the ledger.", 404);
    return Response.json(chain);
  } catch (error) {
    return errorResponse(error);
  }
}
