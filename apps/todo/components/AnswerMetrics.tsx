// The figures of one answer: tokens, cost, time to first token, total latency.
import { CostPill } from "@switchyard/ui";
import type { RouteInfo } from "@/lib/askEvents.ts";

const ms = (v: number | null) =>
  v === null ? "–" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;

export function AnswerMetrics({ route }: { route: RouteInfo }) {
  return (
    <dl
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
      data-testid="answer-metrics"
    >
      <div className="flex gap-1">
        <dt>Tokens</dt>
        <dd className="font-mono" data-testid="answer-tokens">
          {route.promptTokens ?? "–"} in / {route.completionTokens ?? "–"} out
        </dd>
      </div>
      <div className="flex items-center gap-1">
        <dt>Cost</dt>
        <dd data-testid="answer-cost">
          <CostPill usd={route.costUsd} />
        </dd>
      </div>
      <div className="flex gap-1">
        <dt>First token</dt>
        <dd className="font-mono">{ms(route.ttftMs)}</dd>
      </div>
      <div className="flex gap-1">
        <dt>Latency</dt>
        <dd className="font-mono">{ms(route.latencyMs)}</dd>
      </div>
      {route.attempts > 1 && (
        <div className="flex gap-1">
          <dt>Attempts</dt>
          <dd className="font-mono">{route.attempts}</dd>
        </div>
      )}
    </dl>
  );
}
