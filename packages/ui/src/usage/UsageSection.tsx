import type { ReactNode } from "react";

/** A titled card; `empty` replaces the body with a short explanation when there is nothing to show. */
export function UsageSection(props: {
  title: string;
  testId?: string;
  actions?: ReactNode;
  empty?: string | false;
  children?: ReactNode;
}) {
  return (
    <section
      aria-label={props.title}
      data-testid={props.testId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-800 dark:text-slate-200">{props.title}</h2>
        {props.actions}
      </div>
      {props.empty ? <EmptyState>{props.empty}</EmptyState> : props.children}
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
      {children}
    </p>
  );
}

/** A small pill: a breaker state, an outcome, a warning. */
export function Badge({ tone, children }: { tone: "ok" | "warn" | "bad" | "muted"; children: ReactNode }) {
  const tones = {
    ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300",
    warn: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300",
    bad: "bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-300",
    muted: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  };
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

export const tableClass = "w-full text-left text-sm tabular-nums";
export const headClass =
  "border-b border-slate-200 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400";
export const cellClass = "py-1.5 pr-3";
