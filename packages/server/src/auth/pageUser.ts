// What server components ask: who is signed in (or off to the sign-in page), and what the sign-in
// page offers. Next's own headers() and redirect() are the only Next pieces the server package uses.
import { authEnv, enabledSocialProviders, isProduction, type SessionUser } from "@switchyard/auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestUser } from "./authServices.ts";

/** A path on this site to go back to after signing in; anything else (another host, `//x`) becomes "/". */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw;
}

/** The signed-in user, or a redirect to `/sign-in?next=<nextPath>`. */
export async function pageUser(nextPath: string): Promise<SessionUser> {
  const user = await requestUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(nextPath))}`);
  return user;
}

/** The sign-in page's facts: which social providers are configured, whether the demo button shows. */
export function signInOptions(): { social: ("github" | "google")[]; demo: boolean } {
  const env = authEnv();
  return { social: enabledSocialProviders(env), demo: !isProduction(env) };
}
