// The viewer's own daily budget: what they spent today, what is left, and when it starts again.
import { formatTime, formatUsd } from "./usageFormat.ts";
import type { UserBudgetView } from "./usageTypes.ts";

export function MyBudgetPanel({ budget }: { budget: UserBudgetView }) {
  const used = budget.limitUsd > 0 ? Math.min(budget.usedTodayUsd / budget.limitUsd, 1) : 1;
  const tone = used >= 1 ? "bg-rose-500" : used >= 0.8 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="usage-my-budget">
      <p>
        <strong className="tabular-nums">{formatUsd(budget.leftUsd)}</strong> left of your{" "}
        <span className="tabular-nums">{formatUsd(budget.limitUsd)}</span> daily budget (
        <span className="tabular-nums">{formatUsd(budget.usedTodayUsd)}</span> used today
        {budget.custom ? ", a limit an admin set for you" : ""}).
      </p>
      <div className="h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
        <div className={`h-full ${tone}`} style={{ width: `${used * 100}%` }} />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Resets at midnight UTC ({formatTime(budget.resetsAt)}). Over it, requests answer “budget exceeded”
        until then.
      </p>
    </div>
  );
}
