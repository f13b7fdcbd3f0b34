import { formatCount, formatShare, formatUsd } from "./usageFormat.ts";
import type { UsageDashboardView } from "./usageTypes.ts";

function Card({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <div className="text-xs text-slate-500 dark:text-slate-400">{label}</div>
      <div className="text-lg font-semibold tabular-nums">{value}</div>
      {note && <div className="text-xs text-slate-500 dark:text-slate-400">{note}</div>}
    </div>
  );
}

export function SummaryCards({ summary }: Pick<UsageDashboardView, "summary">) {
  const failedShare = summary.requests > 0 ? summary.failed / summary.requests : null;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Card
        testId="usage-total-requests"
        label="Requests"
        value={formatCount(summary.requests)}
        note={summary.replays ? `${formatCount(summary.replays)} replayed at no cost` : undefined}
      />
      <Card testId="usage-total-cost" label="Spend" value={formatUsd(summary.costUsd)} />
      <Card
        label="Tokens in / out"
        value={`${formatCount(summary.promptTokens)} / ${formatCount(summary.completionTokens)}`}
      />
      <Card
        label="Failed requests"
        value={formatCount(summary.failed)}
        note={failedShare === null ? undefined : `${formatShare(failedShare)} of requests`}
      />
    </div>
  );
}
