"use client";
// The sign-in page both apps render: email + password sign-in and sign-up on better-auth's routes, a
// button per configured OAuth provider, and, outside production, the demo account in one click.
import { type FormEvent, useState } from "react";
import { postAuth, safeNextPath } from "./authRequests.ts";

export type SocialProvider = "github" | "google";

export interface SignInPageProps {
  /** The app's name in the heading ("Todos", "Images"). */
  appName: string;
  /** OAuth providers that are configured (`signInOptions().social`). */
  social: SocialProvider[];
  /** Whether "Continue as demo user" shows (`signInOptions().demo`). */
  demo: boolean;
  /** Where to go once signed in (the `next` search parameter); anything but a local path means "/". */
  next?: string | undefined;
}

type Mode = "sign-in" | "sign-up";

const PROVIDER_LABEL: Record<SocialProvider, string> = { github: "GitHub", google: "Google" };

const field =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900";
const primary =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";

export function SignInPage({ appName, social, demo, next }: SignInPageProps) {
  const target = safeNextPath(next);
  const [mode, setMode] = useState<Mode>("sign-in");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A full page load, so every server component renders again with the new session cookie.
  const go = (url: string) => window.location.assign(url);

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    const failure = await action();
    if (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  function submitEmail(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    void run(async () => {
      const result =
        mode === "sign-up"
          ? await postAuth("/api/auth/sign-up/email", {
              name: text("name").trim(),
              email: text("email").trim(),
              password: text("password"),
            })
          : await postAuth("/api/auth/sign-in/email", {
              email: text("email").trim(),
              password: text("password"),
            });
      if (!result.ok) return result.message;
      go(target);
      return null;
    });
  }

  const signInWith = (provider: SocialProvider) =>
    run(async () => {
      const result = await postAuth<{ url?: string }>("/api/auth/sign-in/social", {
        provider,
        callbackURL: target,
      });
      if (!result.ok) return result.message;
      if (!result.body.url) return `${PROVIDER_LABEL[provider]} sign-in did not answer with a page to open.`;
      go(result.body.url);
      return null;
    });

  const continueAsDemo = () =>
    run(async () => {
      const result = await postAuth("/api/demo-sign-in", {});
      if (!result.ok) return result.message;
      go(target);
      return null;
    });

  const signingUp = mode === "sign-up";
  return (
    <div className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">
          <span className="text-brand-600 dark:text-brand-500">Switchyard</span> · {appName}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {signingUp
            ? "Create an account. It works in both Switchyard apps."
            : "Sign in. One account works in both Switchyard apps."}
        </p>
      </header>

      {demo && (
        <section className="flex flex-col gap-1 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
          <button type="button" disabled={busy} onClick={() => void continueAsDemo()} className={primary}>
            Continue as demo user
          </button>
          <p className="text-xs text-amber-900 dark:text-amber-200">
            Development only: a shared local account, no password to type.
          </p>
        </section>
      )}

      <div role="tablist" aria-label="Account" className="flex gap-1 text-sm">
        {(["sign-in", "sign-up"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            onClick={() => {
              setMode(m);
              setError(null);
            }}
            className="rounded-full border border-slate-300 px-3 py-1 aria-selected:border-brand-600 aria-selected:bg-brand-600 aria-selected:text-white dark:border-slate-700"
          >
            {m === "sign-in" ? "Sign in" : "Create account"}
          </button>
        ))}
      </div>

      <form
        aria-label={signingUp ? "Create account" : "Sign in"}
        className="flex flex-col gap-3"
        noValidate
        onSubmit={submitEmail}
      >
        {signingUp && (
          <label className="flex flex-col gap-1 text-sm">
            Name
            <input name="name" required maxLength={100} autoComplete="name" className={field} />
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm">
          Email
          {/* type="text", not "email": the server's own message explains a bad address. */}
          <input name="email" type="text" inputMode="email" required autoComplete="email" className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Password
          <input
            name="password"
            type="password"
            required
            autoComplete={signingUp ? "new-password" : "current-password"}
            className={field}
          />
        </label>
        {error && (
          <p
            role="alert"
            data-testid="sign-in-error"
            className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
          >
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} className={primary}>
          {signingUp ? "Create account" : "Sign in"}
        </button>
      </form>

      {social.length > 0 && (
        <section aria-label="Other ways to sign in" className="flex flex-col gap-2">
          {social.map((provider) => (
            <button
              key={provider}
              type="button"
              disabled={busy}
              onClick={() => void signInWith(provider)}
              className={secondary}
            >
              Continue with {PROVIDER_LABEL[provider]}
            </button>
          ))}
        </section>
      )}
    </div>
  );
}
