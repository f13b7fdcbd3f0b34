// The wrapper every app API route goes through: who is calling (401 without a session), may they
// (403 for a member on an admin route), is it a forgery (403 cross-origin, 415 not JSON), are they
// too fast (429), and any throw turned into the one error body.
import type { SessionUser } from "@switchyard/auth";
import { ApiError, errorResponse } from "../apiErrors.ts";
import { serverEnv } from "../serverEnv.ts";
import { getDb } from "../services.ts";
import { requestSession } from "./authServices.ts";
import { checkCsrf, isMutating } from "./csrf.ts";
import { clientIp, enforceRateLimit, type RateLimitKind, rateLimitRules } from "./rateLimits.ts";
import { trustedOrigins } from "./trustedOrigins.ts";

export interface ApiRouteOptions {
  /** Who may call: any signed-in user (default) or admins only. */
  access?: "user" | "admin";
  /** Counts the call against this kind's per-user and per-IP limits. */
  rateLimit?: RateLimitKind;
}

export interface ApiRouteContext<P> {
  user: SessionUser;
  params: P;
}

export type ApiHandler<P> = (req: Request, ctx: ApiRouteContext<P>) => Promise<Response>;

/** What Next passes a route handler; params is absent on routes without dynamic segments in some callers. */
export interface NextRouteContext<P> {
  params: Promise<P>;
}

/** A request's mutating checks: origin and content type (throws ApiError). */
export function checkMutation(req: Request): void {
  if (isMutating(req.method)) checkCsrf(req, trustedOrigins(serverEnv()));
}

/** The signed-in user with the access the route needs; throws 401 / 403. */
export async function authorize(req: Request, access: "user" | "admin" = "user"): Promise<SessionUser> {
  return (await authorizeSession(req, access)).user;
}

async function authorizeSession(req: Request, access: "user" | "admin") {
  const { user, setCookies } = await requestSession(req.headers);
  if (!user) throw new ApiError("unauthenticated", "Sign in to continue.", 401);
  if (access === "admin" && user.role !== "admin") {
    throw new ApiError("forbidden", "Only an admin can do this.", 403);
  }
  return { user, setCookies };
}

/** Counts one call of `kind` for the user and the client's address; throws 429 over either limit. */
export async function limitRate(req: Request, kind: RateLimitKind, userId?: string): Promise<void> {
  const rule = rateLimitRules(serverEnv())[kind];
  const { db } = await getDb();
  await enforceRateLimit(db, rule, kind, { userId, ip: clientIp(req.headers) });
}

export function apiRoute<P = Record<string, never>>(
  opts: ApiRouteOptions,
  handler: ApiHandler<P>,
): (req: Request, ctx: NextRouteContext<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      // Before the session lookup: a forged request is refused whoever's cookie it carries.
      checkMutation(req);
      const { user, setCookies } = await authorizeSession(req, opts.access ?? "user");
      if (opts.rateLimit) await limitRate(req, opts.rateLimit, user.id);
      const params = ((await ctx?.params) ?? {}) as P;
      const res = await handler(req, { user, params });
      return setCookies.length === 0 ? res : withCookies(res, setCookies);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The handler's response with better-auth's refreshed cookies; a response whose headers are frozen is copied. */
function withCookies(res: Response, setCookies: string[]): Response {
  try {
    for (const cookie of setCookies) res.headers.append("set-cookie", cookie);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const cookie of setCookies) copy.headers.append("set-cookie", cookie);
    return copy;
  }
}
