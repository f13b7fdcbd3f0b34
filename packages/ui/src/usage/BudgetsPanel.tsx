import { cellClass, EmptyState, headClass, tableClass } from "./UsageSection.tsx";
import { formatShare, formatUsd } from "./usageFormat.ts";
import type { UsageDashboardView } from "./usageTypes.ts";

/** Each app's and feature's spend today (UTC) against its daily budget, when it has one. */
export function BudgetsPanel({ budgets }: { budgets: UsageDashboardView["budgets"] }) {
  if (budgets.lines.length === 0)
    return <EmptyState>Nothing spent today ({budgets.day} UTC) and no budgets configured.</EmptyState>;
  return (
    <table className={tableClass} data-testid="usage-budgets">
      <thead className={headClass}>
        <tr>
          <th className={cellClass}>Scope</th>
          <th className={cellClass}>Spent today</th>
          <th className={cellClass}>Daily budget</th>
          <th className={`${cellClass} w-1/3`}>Used</th>
        </tr>
      </thead>
      <tbody>
        {budgets.lines.map((b) => {
          const used = Math.min(b.used ?? 0, 1);
          const tone =
            (b.used ?? 0) >= 1 ? "bg-rose-500" : (b.used ?? 0) >= 0.8 ? "bg-amber-500" : "bg-emerald-500";
          return (
            <tr key={b.scope} className="border-b border-slate-100 dark:border-slate-900">
              <td className={cellClass}>
                <span className="text-xs text-slate-500">{b.kind}</span> {b.name}
              </td>
              <td className={cellClass}>{formatUsd(b.spentTodayUsd)}</td>
              <td className={cellClass}>{b.limitUsd === null ? "none" : formatUsd(b.limitUsd)}</td>
              <td className={cellClass}>
                {b.used === null ? (
                  <span className="text-xs text-slate-500">—</span>
                ) : (
                  <div className="flex items-center gap-2">
                    <div className="h-2 flex-1 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
                      <div className={`h-full ${tone}`} style={{ width: `${used * 100}%` }} />
                    </div>
                    <span className="text-xs">{formatShare(b.used)}</span>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
