// Who is asking: the session cookie's user with the role that SWITCHYARD_ADMIN_EMAILS gives them.
import { type AuthEnv, isProduction } from "./authEnv.ts";
import { type Auth, authSettings } from "./createAuth.ts";
import { DEMO_EMAIL } from "./demoUser.ts";

export type Role = "admin" | "member";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Admins are the listed emails; outside production the demo account is one too. */
export function roleFor(email: string, env: AuthEnv): Role {
  const normalized = email.toLowerCase();
  if (env.SWITCHYARD_ADMIN_EMAILS.includes(normalized)) return "admin";
  if (!isProduction(env) && normalized === DEMO_EMAIL) return "admin";
  return "member";
}

/** The signed-in user of a request (its headers carry the cookie), or null when nobody is. */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name } = session.user;
  return { id, email, name, role: roleFor(email, authSettings(auth).env) };
}
