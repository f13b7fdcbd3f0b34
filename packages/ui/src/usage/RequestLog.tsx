"use client";
// The request log, a page at a time; a row opens the request's attempt chain, fetched on demand.
import { Fragment, useState } from "react";
import { AttemptChain, OutcomeBadge } from "./AttemptChain.tsx";
import { cellClass, EmptyState, headClass, tableClass } from "./UsageSection.tsx";
import { formatMs, formatTime, formatUsd } from "./usageFormat.ts";
import { usageHref } from "./usageLinks.ts";
import type { AttemptChainView, UsageDashboardView, UsageQueryView } from "./usageTypes.ts";

type ChainState = { status: "loading" } | { status: "error" } | { status: "ready"; chain: AttemptChainView };

export function RequestLog(props: {
  log: UsageDashboardView["log"];
  basePath: string;
  query: UsageQueryView;
  /** Base URL of the attempt-chain route; the request id is appended. */
  chainUrl: string;
}) {
  const { log, basePath, query } = props;
  const [open, setOpen] = useState<string | null>(null);
  const [chains, setChains] = useState<Record<string, ChainState>>({});

  async function toggle(requestId: string) {
    if (open === requestId) return setOpen(null);
    setOpen(requestId);
    if (chains[requestId]?.status === "ready") return;
    setChains((c) => ({ ...c, [requestId]: { status: "loading" } }));
    try {
      const res = await fetch(`${props.chainUrl}/${encodeURIComponent(requestId)}`);
      if (!res.ok) throw new Error(String(res.status));
      const chain = (await res.json()) as AttemptChainView;
      setChains((c) => ({ ...c, [requestId]: { status: "ready", chain } }));
    } catch {
      setChains((c) => ({ ...c, [requestId]: { status: "error" } }));
    }
  }

  if (log.rows.length === 0) return <EmptyState>No requests match in this time range.</EmptyState>;
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto">
        <table className={tableClass} data-testid="usage-log">
          <thead className={headClass}>
            <tr>
              <th className={cellClass}>Time (UTC)</th>
              <th className={cellClass}>App / feature</th>
              <th className={cellClass}>Model</th>
              <th className={cellClass}>Endpoint</th>
              <th className={cellClass}>Tries</th>
              <th className={cellClass}>Outcome</th>
              <th className={cellClass}>Latency</th>
              <th className={cellClass}>Cost</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => {
              const state = chains[r.requestId];
              const expanded = open === r.requestId;
              return (
                <Fragment key={r.requestId}>
                  <tr
                    data-testid="usage-log-row"
                    data-request-id={r.requestId}
                    className="cursor-pointer border-b border-slate-100 hover:bg-slate-50 dark:border-slate-900 dark:hover:bg-slate-900"
                    onClick={() => toggle(r.requestId)}
                  >
                    <td className={`${cellClass} whitespace-nowrap text-xs`}>
                      <button
                        type="button"
                        aria-expanded={expanded}
                        className="text-left hover:text-brand-600"
                        onClick={(e) => {
                          e.stopPropagation();
                          void toggle(r.requestId);
                        }}
                      >
                        {expanded ? "▾" : "▸"} {formatTime(r.createdAt).slice(5, 19)}
                      </button>
                    </td>
                    <td className={`${cellClass} text-xs`}>
                      {r.app ?? "—"} / {r.feature ?? "—"}
                    </td>
                    <td className={`${cellClass} text-xs`}>
                      {r.modelUsed ?? r.modelRequested}
                      {r.tier && <span className="ml-1 text-slate-500">({r.tier})</span>}
                    </td>
                    <td className={`${cellClass} font-mono text-xs`}>{r.endpoint ?? "—"}</td>
                    <td className={cellClass}>{r.attempt}</td>
                    <td className={cellClass}>
                      <OutcomeBadge row={r} />
                    </td>
                    <td className={cellClass}>{formatMs(r.latencyMs)}</td>
                    <td className={cellClass}>{formatUsd(r.costUsd)}</td>
                  </tr>
                  {expanded && (
                    <tr>
                      <td colSpan={8} className="bg-slate-50 p-3 dark:bg-slate-900">
                        {state?.status === "ready" ? (
                          <AttemptChain chain={state.chain} />
                        ) : state?.status === "error" ? (
                          <p className="text-sm text-rose-600">Could not load this request's attempts.</p>
                        ) : (
                          <p className="text-sm text-slate-500">Loading attempts…</p>
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label="Log pages" className="flex items-center gap-3 text-sm">
        {log.page > 1 && <a href={usageHref(basePath, query, { page: log.page - 1 })}>← Newer</a>}
        <span className="text-slate-500">
          Page {log.page} of {pages} · {log.total} requests
        </span>
        {log.page < pages && <a href={usageHref(basePath, query, { page: log.page + 1 })}>Older →</a>}
      </nav>
    </div>
  );
}
