// What the apps' /usage routes call: each app's route file is one line that names the app. A member
// sees their own rows; an admin the whole app and every user's budget.
import type { SessionUser } from "@switchyard/auth";
import { z } from "zod";
import { ApiError, errorResponse, readJson } from "../apiErrors.ts";
import { apiRoute, authorize } from "../auth/apiRoute.ts";
import { serverEnv } from "../serverEnv.ts";
import { getDb, getRouter } from "../services.ts";
import { type ModelsPageData, modelsPage } from "./modelsPage.ts";
import { attemptChain } from "./requestLog.ts";
import { type UsageDashboardData, usageDashboard } from "./usageDashboard.ts";
import { parseUsageQuery, type SearchParams } from "./usageQuery.ts";
import { setUserBudget, userBudget, userBudgetLines } from "./userBudgets.ts";

/** The dashboard for a page: `searchParams` as Next passes them (bad values fall back to defaults). */
export async function loadUsageDashboard(
  app: string,
  params: SearchParams,
  user: SessionUser,
): Promise<UsageDashboardData> {
  const [{ db }, router] = await Promise.all([getDb(), getRouter(app)]);
  // Ledger rows are written in the background: include the requests that just finished.
  await router.flush();
  const env = serverEnv();
  return usageDashboard(
    {
      db,
      router,
      app,
      viewerId: user.id,
      ...(user.role === "admin" ? {} : { userId: user.id }),
      limits: { appDailyUsd: env.SWITCHYARD_APP_DAILY_USD, userDailyUsd: env.SWITCHYARD_USER_DAILY_USD },
    },
    parseUsageQuery(params),
  );
}

/** The models page: the catalog as this app routes it; "used" is a member's own requests, an admin's app. */
export async function loadModelsPage(app: string, user: SessionUser): Promise<ModelsPageData> {
  const [{ db }, router] = await Promise.all([getDb(), getRouter(app)]);
  await router.flush();
  return modelsPage({ db, router, app, ...(user.role === "admin" ? {} : { userId: user.id }) });
}

/** GET /usage/api?range=24h&groupBy=model&app=&feature=&model=&outcome=&page= : the dashboard as JSON. */
export async function usageGET(req: Request, app: string): Promise<Response> {
  try {
    const user = await authorize(req);
    return Response.json(await loadUsageDashboard(app, new URL(req.url).searchParams, user));
  } catch (error) {
    return errorResponse(error);
  }
}

const requestIdSchema = z.string().regex(/^[\w-]{1,100}$/, "Not a request id.");

/** GET /usage/api/requests/:requestId : one request's row and its attempt chain (a member's own only). */
export async function usageRequestGET(req: Request, app: string, requestId: string): Promise<Response> {
  try {
    const user = await authorize(req);
    const id = requestIdSchema.parse(requestId);
    const [{ db }, router] = await Promise.all([getDb(), getRouter(app)]);
    await router.flush();
    const chain = await attemptChain(db, id, user.role === "admin" ? undefined : user.id);
    if (!chain.request && chain.attempts.length === 0)
      throw new ApiError("request_not_found", "No request with that id is in the ledger.", 404);
    return Response.json(chain);
  } catch (error) {
    return errorResponse(error);
  }
}

const budgetEditSchema = z.object({
  userId: z.string().min(1).max(200),
  /** USD per UTC day; null returns the user to the default. */
  limitUsd: z.number().min(0).max(1_000_000).nullable(),
});

/**
 * app/usage/api/budgets/route.ts: `export const { GET, PUT } = usageBudgetRoutes();` Admins only.
 * GET: every user's daily budget today. PUT `{ userId, limitUsd }`: sets one (null: back to the default).
 */
export function usageBudgetRoutes() {
  const userDefault = () => serverEnv().SWITCHYARD_USER_DAILY_USD;
  return {
    GET: apiRoute({ access: "admin" }, async () => {
      const { db } = await getDb();
      return Response.json({ users: await userBudgetLines(db, userDefault()) });
    }),
    PUT: apiRoute({ access: "admin" }, async (req) => {
      const edit = await readJson(req, budgetEditSchema, 4096);
      const { db } = await getDb();
      if (!(await setUserBudget(db, edit.userId, edit.limitUsd)))
        throw new ApiError("user_not_found", "No user with that id.", 404);
      return Response.json({ userId: edit.userId, budget: await userBudget(db, edit.userId, userDefault()) });
    }),
  };
}
