"use client";
// Who is signed in, in the header of every page, and the way out: sign-out ends the session in both apps.
import { useState } from "react";
import { postAuth } from "./authRequests.ts";

export interface SignedInUser {
  name: string;
  email: string;
  role: "admin" | "member";
}

export function UserMenu({ user }: { user: SignedInUser }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    const result = await postAuth("/api/auth/sign-out", {});
    if (result.ok) return window.location.assign("/sign-in");
    setError(result.message);
    setBusy(false);
  }

  return (
    <div className="flex items-center gap-2 text-sm" data-testid="user-menu">
      <span className="text-slate-600 dark:text-slate-300" title={user.email} data-testid="user-name">
        {user.name || user.email}
      </span>
      {user.role === "admin" && (
        <span className="rounded bg-brand-600/10 px-1.5 py-0.5 text-xs font-medium text-brand-700 dark:text-brand-500">
          admin
        </span>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => void signOut()}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Sign out
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-600">
          {error}
        </span>
      )}
    </div>
  );
}
