// The accounts routes each app mounts: better-auth's own under /api/auth/* (with a per-IP limit on
// signing in and up, shared through Postgres), and the dev-only "Continue as demo user".
import { authEnv, demoCredentials, isProduction } from "@switchyard/auth";
import { ApiError, errorResponse } from "../apiErrors.ts";
import { checkMutation, limitRate } from "./apiRoute.ts";
import { demoUserReady, getAuth } from "./authServices.ts";

// Where a password is tried or an account made: what an attacker would hammer.
const LIMITED_AUTH_PATH = /\/api\/auth\/(sign-in|sign-up)(\/|$)/;

/** app/api/auth/[...all]/route.ts: `export const { GET, POST } = authRoutes();` */
export function authRoutes(): {
  GET: (req: Request) => Promise<Response>;
  POST: (req: Request) => Promise<Response>;
} {
  const handle = async (req: Request) => {
    try {
      if (req.method === "POST" && LIMITED_AUTH_PATH.test(new URL(req.url).pathname)) {
        await limitRate(req, "auth");
      }
      return await (await getAuth()).handler(req);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return { GET: handle, POST: handle };
}

/**
 * app/api/demo-sign-in/route.ts: `export const POST = demoSignInPOST;` Signs in as the demo account
 * (created once) and answers `{ user }` with its session cookie. 404 in production.
 */
export async function demoSignInPOST(req: Request): Promise<Response> {
  try {
    if (isProduction(authEnv())) throw new ApiError("not_found", "Not found.", 404);
    checkMutation(req);
    await limitRate(req, "auth");
    await demoUserReady();
    const auth = await getAuth();
    const signedIn = await auth.api.signInEmail({
      body: await demoCredentials(auth),
      headers: req.headers,
      asResponse: true,
    });
    if (!signedIn.ok) throw new ApiError("demo_sign_in_failed", "The demo account could not sign in.", 500);
    const { user } = (await signedIn.json()) as { user: { id: string; email: string; name: string } };
    const res = Response.json({ user: { id: user.id, email: user.email, name: user.name } });
    for (const cookie of signedIn.headers.getSetCookie()) res.headers.append("set-cookie", cookie);
    return res;
  } catch (error) {
    return errorResponse(error);
  }
}
