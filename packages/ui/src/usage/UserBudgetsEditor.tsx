"use client";
// The admin's editor of each user's daily budget: a number saved with PUT to the budgets route; empty
// returns the user to the default. The router reads the new limit on that user's next request.
import { useState } from "react";
import { cellClass, EmptyState, headClass, tableClass } from "./UsageSection.tsx";
import { formatUsd } from "./usageFormat.ts";
import type { UserBudgetLineView } from "./usageTypes.ts";

type SaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved" }
  | { status: "error"; message: string };

function BudgetRow({ line, budgetsUrl }: { line: UserBudgetLineView; budgetsUrl: string }) {
  const [current, setCurrent] = useState(line);
  const [draft, setDraft] = useState(line.custom ? String(line.limitUsd) : "");
  const [state, setState] = useState<SaveState>({ status: "idle" });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const limitUsd = draft.trim() === "" ? null : Number(draft);
    if (limitUsd !== null && (!Number.isFinite(limitUsd) || limitUsd < 0)) {
      return setState({ status: "error", message: "A number of dollars, 0 or more." });
    }
    setState({ status: "saving" });
    const res = await fetch(budgetsUrl, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: line.userId, limitUsd }),
    }).catch(() => null);
    if (!res?.ok) {
      const body = (await res?.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setState({ status: "error", message: body?.error?.message ?? "Not saved. Try again." });
    }
    const { budget } = (await res.json()) as {
      budget: Omit<UserBudgetLineView, "userId" | "email" | "name">;
    };
    setCurrent({ ...current, ...budget });
    setState({ status: "saved" });
  }

  return (
    <tr className="border-b border-slate-100 dark:border-slate-900" data-testid="user-budget-row">
      <td className={cellClass}>
        <span className="font-medium">{current.name}</span>{" "}
        <span className="text-xs text-slate-500">{current.email}</span>
      </td>
      <td className={cellClass}>{formatUsd(current.usedTodayUsd)}</td>
      <td className={cellClass}>
        <form onSubmit={save} className="flex items-center gap-2">
          <label className="sr-only" htmlFor={`budget-${line.userId}`}>
            Daily budget of {current.email} in USD
          </label>
          <input
            id={`budget-${line.userId}`}
            inputMode="decimal"
            value={draft}
            placeholder="default"
            onChange={(e) => setDraft(e.target.value)}
            className="w-28 rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700"
          />
          <button
            type="submit"
            disabled={state.status === "saving"}
            className="rounded bg-brand-600 px-2 py-1 text-xs font-medium text-white disabled:opacity-50"
          >
            Save
          </button>
          <span className="text-xs text-slate-500" role="status">
            {state.status === "saving" && "saving…"}
            {state.status === "saved" && `saved: ${formatUsd(current.limitUsd)} a day`}
            {state.status === "error" && <span className="text-rose-600">{state.message}</span>}
          </span>
        </form>
      </td>
    </tr>
  );
}

/** Every user's spend today against their daily budget, each editable. */
export function UserBudgetsEditor(props: { lines: UserBudgetLineView[]; budgetsUrl: string }) {
  if (props.lines.length === 0) return <EmptyState>No user has signed up yet.</EmptyState>;
  return (
    <div className="flex flex-col gap-2">
      <table className={tableClass} data-testid="usage-user-budgets">
        <thead className={headClass}>
          <tr>
            <th className={cellClass}>User</th>
            <th className={cellClass}>Used today</th>
            <th className={cellClass}>Daily budget (empty: the default)</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => (
            <BudgetRow key={line.userId} line={line} budgetsUrl={props.budgetsUrl} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
