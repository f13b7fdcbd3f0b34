import { formatCount, formatShare, formatUsd } from "./usageFormat.ts";
import type { UsageDashboardView } from "./usageTypes.ts";

const TIER_COLORS: Record<string, string> = { fast: "bg-fast", strong: "bg-strong" };

/** What routing saved against sending every chat request to the strong model, and the tier split. */
export function SavingsPanel({ savings }: { savings: UsageDashboardView["savings"] }) {
  const total = savings.tiers.reduce((n, t) => n + t.requests, 0);
  return (
    <div className="flex flex-col gap-3">
      <div data-testid="usage-savings">
        <div className="text-2xl font-semibold tabular-nums text-emerald-700 dark:text-emerald-400">
          {formatUsd(savings.savedUsd)} saved
          {savings.savedShare !== null && (
            <span className="ml-2 text-base font-normal">({formatShare(savings.savedShare)})</span>
          )}
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {formatCount(savings.requests)} answered chat requests cost {formatUsd(savings.actualUsd)}; all on{" "}
          {savings.strongLabel} at list price they would have cost {formatUsd(savings.strongOnlyUsd)}.
        </p>
      </div>
      <div>
        <div className="flex h-3 w-full overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden>
          {savings.tiers.map((t) => (
            <div
              key={t.tier}
              className={TIER_COLORS[t.tier] ?? "bg-slate-400"}
              style={{ width: `${(t.requests / total) * 100}%` }}
            />
          ))}
        </div>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
          {savings.tiers.map((t) => (
            <li key={t.tier} data-testid={`usage-tier-${t.tier}`}>
              <strong className="font-medium">{t.tier}</strong>: {formatCount(t.requests)} (
              {formatShare(t.requests / total)}), {formatUsd(t.costUsd)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
