// Why a request went where it went: the model that answered, its tier, the complexity score against the
// threshold with the top reasons, and whether the router had to fail over to another endpoint or model.
export interface RouteBadgeProps {
  modelUsed: string | null;
  /** What the caller asked for: "auto", "fast", "strong" or a model id. */
  modelRequested: string;
  provider: string | null;
  tier: "fast" | "strong" | null;
  score: number | null;
  threshold: number | null;
  reasons: string[];
  failover: boolean;
  fallbackChain: string[];
  /** How many reasons to show (default 3). */
  maxReasons?: number;
}

const tierColours = {
  fast: "bg-fast/15 text-emerald-800 ring-fast/40 dark:text-emerald-300",
  strong: "bg-strong/15 text-purple-800 ring-strong/40 dark:text-purple-300",
} as const;

export function RouteBadge(props: RouteBadgeProps) {
  const reasons = props.reasons.slice(0, props.maxReasons ?? 3);
  const forced = props.modelRequested !== "auto";
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="route-badge">
      {props.tier && (
        <span
          className={`rounded-full px-2 py-0.5 font-semibold uppercase tracking-wide ring-1 ${tierColours[props.tier]}`}
          data-testid="route-tier"
          title={forced ? `Tier forced: ${props.modelRequested}` : "Tier chosen by the complexity classifier"}
        >
          {props.tier}
        </span>
      )}
      <span className="font-mono text-slate-800 dark:text-slate-200" data-testid="route-model">
        {props.modelUsed ?? "no model"}
      </span>
      {props.provider && <span className="text-slate-500 dark:text-slate-400">via {props.provider}</span>}
      {props.score !== null && (
        <span className="text-slate-600 dark:text-slate-300" data-testid="route-score">
          score {props.score.toFixed(2)}
          {props.threshold !== null && <> / threshold {props.threshold.toFixed(2)}</>}
        </span>
      )}
      {forced && <span className="text-slate-500 dark:text-slate-400">(forced {props.modelRequested})</span>}
      {props.failover && (
        <span
          className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-300"
          data-testid="route-failover"
          title={props.fallbackChain.join(" → ")}
        >
          failover: {props.fallbackChain.join(" → ")}
        </span>
      )}
      {reasons.length > 0 && (
        <ul
          className="flex w-full flex-wrap gap-1"
          aria-label="Top reasons for the score"
          data-testid="route-reasons"
        >
          {reasons.map((r) => (
            <li
              key={r}
              className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
            >
              {r}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
