// The sign-in page (shared with the images app): email + password, configured OAuth providers, and the
// demo account outside production. `next` is where the user was going; only a local path is followed.
import { signInOptions } from "@switchyard/server";
import { SignInPage } from "@switchyard/ui/auth";

export const dynamic = "force-dynamic";

export default async function SignIn(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await props.searchParams;
  const { social, demo } = signInOptions();
  return (
    <SignInPage
      appName="Todos"
      social={social}
      demo={demo}
      next={typeof next === "string" ? next : undefined}
    />
  );
}
