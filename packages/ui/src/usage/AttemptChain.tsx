import { Badge, cellClass, headClass, tableClass } from "./UsageSection.tsx";
import { formatMs, formatUsd } from "./usageFormat.ts";
import type { AttemptChainView, LedgerRowView } from "./usageTypes.ts";

export function OutcomeBadge({ row }: { row: Pick<LedgerRowView, "outcome" | "errorCode" | "replay"> }) {
  if (row.replay) return <Badge tone="muted">replay</Badge>;
  const tone = row.outcome === "ok" ? "ok" : row.outcome === "skipped" ? "muted" : "bad";
  return <Badge tone={tone}>{row.errorCode ? `${row.outcome}: ${row.errorCode}` : row.outcome}</Badge>;
}

/** One request's whole story: how it was routed, then every attempt with its endpoint, outcome and cost. */
export function AttemptChain({ chain }: { chain: AttemptChainView }) {
  const r = chain.request;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="attempt-chain">
      {r && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
          <dt className="text-slate-500">Routing</dt>
          <dd>
            {r.modelRequested}
            {r.tier && ` → ${r.tier} tier`}
            {r.complexityScore !== null && ` (score ${r.complexityScore.toFixed(2)})`}
            {r.reasons.length > 0 && `: ${r.reasons.join("; ")}`}
          </dd>
          <dt className="text-slate-500">Candidates</dt>
          <dd className="font-mono">{r.fallbackChain.length ? r.fallbackChain.join(" → ") : "—"}</dd>
          <dt className="text-slate-500">Request id</dt>
          <dd className="font-mono">
            {r.requestId}
            {r.idempotent && " · idempotency key set"}
          </dd>
        </dl>
      )}
      {chain.attempts.length === 0 ? (
        <p className="text-xs text-slate-500">No upstream attempt: answered from the idempotency store.</p>
      ) : (
        <table className={tableClass}>
          <thead className={headClass}>
            <tr>
              <th className={cellClass}>#</th>
              <th className={cellClass}>Endpoint</th>
              <th className={cellClass}>Model</th>
              <th className={cellClass}>Outcome</th>
              <th className={cellClass}>TTFT</th>
              <th className={cellClass}>Latency</th>
              <th className={cellClass}>Tokens in/out</th>
              <th className={cellClass}>Cost</th>
            </tr>
          </thead>
          <tbody>
            {chain.attempts.map((a) => (
              <tr key={`${a.attempt}-${a.endpoint}`} data-testid="attempt-row">
                <td className={cellClass}>{a.attempt}</td>
                <td className={`${cellClass} font-mono text-xs`}>{a.endpoint ?? "—"}</td>
                <td className={`${cellClass} text-xs`}>{a.modelUsed ?? "—"}</td>
                <td className={cellClass}>
                  <OutcomeBadge row={a} />
                </td>
                <td className={cellClass}>{formatMs(a.ttftMs)}</td>
                <td className={cellClass}>{formatMs(a.latencyMs)}</td>
                <td className={cellClass}>
                  {a.promptTokens ?? "—"} / {a.completionTokens ?? "—"}
                </td>
                <td className={cellClass}>{formatUsd(a.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
