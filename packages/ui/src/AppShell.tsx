import type { ReactNode } from "react";
import { type SignedInUser, UserMenu } from "./auth/UserMenu.tsx";
import { LiveStatus, type LiveStatusProps } from "./LiveStatus.tsx";

/** The frame both apps share: a header with the app's name and links, who is signed in, the live status. */
export function AppShell(props: {
  title: string;
  nav: { href: string; label: string }[];
  status: LiveStatusProps;
  /** The signed-in user: their name and a sign-out button in the header. */
  user?: SignedInUser;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex min-h-screen max-w-5xl flex-col gap-6 px-4 py-6">
      <header className="flex flex-col gap-3 border-b border-slate-200 pb-4 dark:border-slate-800">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">
            <span className="text-brand-600 dark:text-brand-500">Switchyard</span> · {props.title}
          </h1>
          <nav className="flex gap-4 text-sm">
            {props.nav.map((n) => (
              <a
                key={n.href}
                href={n.href}
                className="text-slate-600 hover:text-brand-600 dark:text-slate-300"
              >
                {n.label}
              </a>
            ))}
          </nav>
          {props.user && <UserMenu user={props.user} />}
        </div>
        <LiveStatus {...props.status} />
      </header>
      <main className="flex-1">{props.children}</main>
    </div>
  );
}
