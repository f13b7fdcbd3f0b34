// What the build routes share: their request bodies, the signed-in user's todo a route is about, the
// one build chain per process, and build errors as the API's typed errors.
import { runInSandbox } from "@switchyard/sandbox";
import {
  ApiError,
  type ApiRouteContext,
  type ApiRouteOptions,
  apiRoute,
  processSingleton,
} from "@switchyard/server";
import { z } from "zod";
import { getTodo } from "../todoRepository.ts";
import type { TodoView } from "../todoSchemas.ts";
import { todoServices } from "../todoServices.ts";
import { type BuildChain, createBuildChain } from "./buildChain.ts";
import { jobSteps, retryLater, todoJobs } from "./buildJobs.ts";
import { postgresBuildStore } from "./buildStore.ts";

export const startBuildInput = z.object({ tier: z.enum(["auto", "fast", "strong"]).default("auto") });

export const reviewInput = z.object({
  action: z.enum(["approve", "request_changes", "reject"]),
  revision: z.number().int().min(1),
  comment: z.string().max(4000).default(""),
});
export type ReviewInput = z.input<typeof reviewInput>;

/** The todo a build route is about, the user's own: 404 for another user's todo, as for no todo at all. */
async function todoOfRoute(owner: string, todoId: string): Promise<TodoView> {
  const parsed = z.uuid().safeParse(todoId);
  const notFound = new ApiError("not_found", "No such todo.", 404);
  if (!parsed.success) throw notFound;
  const { db } = await todoServices();
  const todo = await getTodo(db, owner, parsed.data);
  if (!todo) throw notFound;
  return todo;
}

type BuildHandler = (
  req: Request,
  ctx: { user: ApiRouteContext<unknown>["user"]; todo: TodoView },
) => Promise<Response>;

/** A route under /build/<todoId>: signed in (apiRoute), on the user's own todo, build errors typed. */
export function buildRoute(opts: ApiRouteOptions, handler: BuildHandler) {
  return apiRoute<{ todoId: string }>(opts, async (req, { user, params }) => {
    try {
      return await handler(req, { user, todo: await todoOfRoute(user.id, params.todoId) });
    } catch (error) {
      throw asApiError(error);
    }
  });
}

/** One build chain per server process, over the app's router and the sandbox; its steps run as jobs. */
export function buildChain(): Promise<BuildChain> {
  return processSingleton("switchyard.todo.buildChain", async () => {
    const { db, router } = await todoServices();
    const jobs = await todoJobs(buildChain);
    return createBuildChain({
      router,
      runChecks: runInSandbox,
      store: postgresBuildStore(db),
      steps: jobSteps(db, jobs),
      retryLater,
    });
  });
}

const STATUS: Record<string, number> = {
  not_found: 404,
  comment_required: 400,
  not_reviewable: 409,
  stale_revision: 409,
  not_retryable: 409,
};

/**
 * Build and review errors as the API's typed errors. Matched by name, not instanceof: Next bundles each
 * route apart, so the chain cached on globalThis may throw another copy of the class.
 */
export function asApiError(error: unknown): unknown {
  if (
    error instanceof Error &&
    (error.name === "BuildError" || error.name === "ReviewError") &&
    "code" in error &&
    typeof error.code === "string"
  )
    return new ApiError(error.code, error.message, STATUS[error.code] ?? 400);
  return error;
}
