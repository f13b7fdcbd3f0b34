"use client";
// The catalog as a table: search by id, name or alias, sort by any column, the models the router used
// highlighted. Hundreds of rows; filtering and sorting run in the browser over what the page sent.
import { useMemo, useState } from "react";
import { Badge, cellClass, EmptyState, headClass, tableClass } from "./UsageSection.tsx";
import { formatCount, formatTime } from "./usageFormat.ts";
import type { ModelsPageView } from "./usageTypes.ts";

type Model = ModelsPageView["models"][number];
type SortKey = "model" | "input" | "output" | "cached" | "context" | "used";

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "model", label: "Model", numeric: false },
  { key: "input", label: "In $/M", numeric: true },
  { key: "output", label: "Out $/M", numeric: true },
  { key: "cached", label: "Cached $/M", numeric: true },
  { key: "context", label: "Context", numeric: true },
  { key: "used", label: "Used", numeric: true },
];

const sortValue: Record<SortKey, (m: Model) => number | string> = {
  model: (m) => m.id,
  input: (m) => m.price.inputPerMTokens,
  output: (m) => m.price.outputPerMTokens,
  cached: (m) => m.price.cacheReadPerMTokens ?? m.price.inputPerMTokens,
  context: (m) => m.contextWindow ?? -1,
  used: (m) => m.usedRequests,
};

/** A rate per million tokens: "$0.25", "free", and a few significant digits under a cent. */
function perMillion(usd: number | undefined): string {
  if (usd === undefined) return "—";
  if (usd === 0) return "free";
  return usd >= 0.01 ? `$${usd.toFixed(2)}` : `$${usd.toPrecision(2)}`;
}

function Capabilities({ model }: { model: Model }) {
  const s = model.supports;
  if (!s) return <Badge tone="muted">unknown</Badge>;
  const parts = [
    ...(s.input ?? []).filter((k) => k !== "text"),
    ...(s.tools ? ["tools"] : []),
    ...(s.structuredOutputs ? ["json schema"] : []),
    ...(s.reasoning ? ["reasoning"] : []),
  ];
  return <span className="text-xs">{parts.join(", ") || "text only"}</span>;
}

export function ModelsTable({ models }: { models: ModelsPageView["models"] }) {
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "used", desc: true });
  const rows = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const found = models.filter((m) => {
      const text = `${m.id} ${m.label} ${m.aliases.join(" ")}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    const value = sortValue[sort.key];
    return found.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = x < y ? -1 : x > y ? 1 : a.id.localeCompare(b.id);
      return sort.desc ? -order : order;
    });
  }, [models, search, sort]);
  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key === "used" }));

  return (
    <div className="flex flex-col gap-2">
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search models, names or aliases (fast, strong, auto)"
        aria-label="Search models"
        data-testid="models-search"
        className="w-full max-w-md rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {formatCount(rows.length)} of {formatCount(models.length)} models
      </p>
      {rows.length === 0 ? (
        <EmptyState>No model matches “{search}”.</EmptyState>
      ) : (
        <div className="max-h-[70vh] overflow-auto">
          <table className={tableClass} data-testid="models-table">
            <thead className={`${headClass} sticky top-0 bg-white dark:bg-slate-950`}>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    className={cellClass}
                    aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : "none"}
                  >
                    <button type="button" onClick={() => onSort(c.key)} className="hover:underline">
                      {c.label}
                      {sort.key === c.key ? (sort.desc ? " ↓" : " ↑") : ""}
                    </button>
                  </th>
                ))}
                <th className={cellClass}>Takes and does</th>
                <th className={cellClass}>Price synced</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr
                  key={m.id}
                  data-used={m.usedRequests > 0 ? "true" : undefined}
                  className={`border-b border-slate-100 dark:border-slate-900 ${m.usedRequests > 0 ? "bg-emerald-50 dark:bg-emerald-950/30" : ""}`}
                >
                  <td className={cellClass}>
                    <div className="font-mono text-xs">{m.id}</div>
                    <div className="flex flex-wrap gap-1 text-xs text-slate-500 dark:text-slate-400">
                      {m.label !== m.id && <span>{m.label}</span>}
                      {m.aliases.map((a) => (
                        <Badge key={a} tone="ok">
                          {a}
                        </Badge>
                      ))}
                      {!m.routable && <Badge tone="muted">no live route</Badge>}
                    </div>
                  </td>
                  <td className={cellClass}>{perMillion(m.price.inputPerMTokens)}</td>
                  <td className={cellClass}>{perMillion(m.price.outputPerMTokens)}</td>
                  <td className={cellClass}>{perMillion(m.price.cacheReadPerMTokens)}</td>
                  <td className={cellClass}>{m.contextWindow ? formatCount(m.contextWindow) : "—"}</td>
                  <td className={cellClass}>{m.usedRequests > 0 ? formatCount(m.usedRequests) : ""}</td>
                  <td className={cellClass}>
                    <Capabilities model={m} />
                  </td>
                  <td className={`${cellClass} text-xs`}>
                    {m.syncedAt ? formatTime(m.syncedAt) : "bundled"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
