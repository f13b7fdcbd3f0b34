import { Badge, cellClass, headClass, tableClass } from "./UsageSection.tsx";
import { formatCount, formatMs, formatShare } from "./usageFormat.ts";
import type { UsageDashboardView } from "./usageTypes.ts";

type Breaker = UsageDashboardView["router"]["breakers"][number];

const STATE_RANK = { closed: 0, half_open: 1, open: 2 } as const;

function BreakerBadge({ breakers }: { breakers: Breaker[] }) {
  if (breakers.length === 0) return <Badge tone="muted">no calls yet</Badge>;
  const worst = breakers.reduce((a, b) => (STATE_RANK[b.state] > STATE_RANK[a.state] ? b : a));
  const open = breakers.filter((b) => b.state !== "closed").map((b) => `${b.model}: ${b.state}`);
  const tone = worst.state === "open" ? "bad" : worst.state === "half_open" ? "warn" : "ok";
  return (
    <span title={open.join(", ") || `${breakers.length} model(s), all closed`}>
      <Badge tone={tone}>{worst.state.replace("_", "-")}</Badge>
    </span>
  );
}

/** Per endpoint: what callers felt (request latency), how its attempts fared, and its breaker now. */
export function EndpointTable({
  latency,
  endpoints,
  breakers,
}: {
  latency: UsageDashboardView["latency"]["byEndpoint"];
  endpoints: UsageDashboardView["endpoints"];
  breakers: Breaker[];
}) {
  const names = [
    ...new Set([
      ...latency.map((l) => l.endpoint),
      ...endpoints.map((e) => e.endpoint),
      ...breakers.map((b) => b.endpoint),
    ]),
  ].sort();
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="usage-endpoints">
        <thead className={headClass}>
          <tr>
            <th className={cellClass}>Endpoint</th>
            <th className={cellClass}>Breaker</th>
            <th className={cellClass}>Attempts</th>
            <th className={cellClass}>Error rate</th>
            <th className={cellClass}>p50 / p95 / p99</th>
            <th className={cellClass}>TTFT p50 / p95</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const l = latency.find((x) => x.endpoint === name);
            const e = endpoints.find((x) => x.endpoint === name);
            return (
              <tr key={name} className="border-b border-slate-100 dark:border-slate-900">
                <td className={`${cellClass} font-mono text-xs`}>{name}</td>
                <td className={cellClass}>
                  <BreakerBadge breakers={breakers.filter((b) => b.endpoint === name)} />
                </td>
                <td className={cellClass}>{e ? formatCount(e.attempts) : "—"}</td>
                <td className={cellClass} title={e?.topErrorCode ?? undefined}>
                  {formatShare(e?.errorRate)}
                  {e?.topErrorCode && <span className="ml-1 text-xs text-slate-500">{e.topErrorCode}</span>}
                </td>
                <td className={cellClass}>
                  {l ? `${formatMs(l.p50Ms)} / ${formatMs(l.p95Ms)} / ${formatMs(l.p99Ms)}` : "—"}
                </td>
                <td className={cellClass}>
                  {l ? `${formatMs(l.ttftP50Ms)} / ${formatMs(l.ttftP95Ms)}` : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
