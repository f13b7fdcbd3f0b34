// One build chain per server process, over the app's router and the sandbox.
import { runInSandbox } from "@switchyard/sandbox";
import { ApiError } from "@switchyard/server";
import { todoServices } from "../todoServices.ts";
import { type BuildChain, createBuildChain } from "./buildChain.ts";
import { postgresBuildStore } from "./buildStore.ts";

const key = Symbol.for("switchyard.todo.buildChain");

export function buildChain(): Promise<BuildChain> {
  const g = globalThis as { [key]?: Promise<BuildChain> };
  g[key] ??= todoServices().then(({ db, router }) =>
    createBuildChain({ router, runChecks: runInSandbox, store: postgresBuildStore(db) }),
  );
  g[key].catch(() => {
    delete g[key];
  });
  return g[key];
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
