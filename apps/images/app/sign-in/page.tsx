// /sign-in: the shared sign-in page (email + password, configured OAuth providers, and outside
// production the demo account in one click); `?next=` is where it goes back to once signed in.
import { signInOptions } from "@switchyard/server";
import { SignInPage } from "@switchyard/ui/auth";

export const dynamic = "force-dynamic";

export default async function SignIn(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await props.searchParams;
  return (
    <SignInPage appName="Images" {...signInOptions()} next={typeof next === "string" ? next : undefined} />
  );
}
