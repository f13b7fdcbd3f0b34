import { Badge, EmptyState } from "./UsageSection.tsx";
import { formatTime, formatUsd } from "./usageFormat.ts";
import type { UsageDashboardView } from "./usageTypes.ts";

/** Cached credit balances: when each was read, and a warning under the low-balance threshold. */
export function CreditsPanel({ router }: { router: UsageDashboardView["router"] }) {
  if (router.credits.length === 0)
    return (
      <EmptyState>
        No balance read yet: the router reads credits in the background after it starts.
      </EmptyState>
    );
  return (
    <ul className="flex flex-col gap-2 text-sm" data-testid="usage-credits">
      {router.credits.map((c) => (
        <li key={c.account} className="flex flex-wrap items-baseline justify-between gap-2">
          <span>
            <strong className="font-medium">{c.label}</strong>{" "}
            <span className="tabular-nums">
              {c.remainingUsd === null ? "no limit" : `${formatUsd(c.remainingUsd)} left`}
              {c.limitUsd !== null && ` of ${formatUsd(c.limitUsd)}`}
            </span>{" "}
            {c.low && <Badge tone="bad">low balance: under {formatUsd(router.lowBalanceUsd)}</Badge>}
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">read {formatTime(c.fetchedAt)}</span>
        </li>
      ))}
    </ul>
  );
}
