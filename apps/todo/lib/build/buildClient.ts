// The browser's side of the build routes.
import { ApiCallError, callErrorOf } from "../client/todoApi.ts";
import type { ReviewInput } from "./buildRoutes.ts";
import type { Build } from "./buildTypes.ts";

async function call(path: string, init: RequestInit = {}): Promise<Build | null> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { "content-type": "application/json" }, cache: "no-store" });
  } catch {
    throw new ApiCallError("network", "Cannot reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw await callErrorOf(res);
  const body = (await res.json().catch(() => null)) as { build?: Build | null } | null;
  return body?.build ?? null;
}

export const buildApi = {
  get: (todoId: string) => call(`/build/${todoId}/run`),
  start: (todoId: string, tier: "auto" | "fast" | "strong") =>
    call(`/build/${todoId}/run`, { method: "POST", body: JSON.stringify({ tier }) }),
  review: (todoId: string, input: ReviewInput) =>
    call(`/build/${todoId}/review`, { method: "POST", body: JSON.stringify(input) }),
  retry: (todoId: string) => call(`/build/${todoId}/retry`, { method: "POST" }),
};

export const isRunning = (build: Build | null) =>
  build?.status === "planning" || build?.status === "coding" || build?.status === "checking";
