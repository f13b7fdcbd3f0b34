// A cost figure as a pill: the cost of one answer or step, today's spend, what routing saved.

/** USD for tiny amounts too: $0.0000312 stays readable instead of rounding to $0.00. */
function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) >= 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toPrecision(3)}`;
}

/** A small rounded figure in USD, e.g. the cost of one answer or today's spend. */
export function CostPill({
  usd,
  label,
  tone = "neutral",
}: {
  usd: number;
  label?: string;
  tone?: "neutral" | "saving";
}) {
  const colours =
    tone === "saving"
      ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
      : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-mono text-xs tabular-nums ${colours}`}
      data-testid="cost-pill"
    >
      {label && <span className="font-sans text-[0.7rem] opacity-75">{label}</span>}
      {formatUsd(usd)}
    </span>
  );
}
