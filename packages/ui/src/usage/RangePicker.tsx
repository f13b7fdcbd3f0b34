import { usageHref } from "./usageLinks.ts";
import type { UsageQueryView, UsageRange } from "./usageTypes.ts";

const RANGES: { range: UsageRange; label: string }[] = [
  { range: "1h", label: "Last hour" },
  { range: "24h", label: "24 hours" },
  { range: "7d", label: "7 days" },
  { range: "30d", label: "30 days" },
];

/** The time-range picker: plain links, so it works before any script loads. */
export function RangePicker({ basePath, query }: { basePath: string; query: UsageQueryView }) {
  return (
    <nav aria-label="Time range" className="flex gap-1 text-sm">
      {RANGES.map((r) => (
        <a
          key={r.range}
          href={usageHref(basePath, query, { range: r.range })}
          aria-current={query.range === r.range ? "page" : undefined}
          className={`rounded px-2 py-1 ${
            query.range === r.range
              ? "bg-brand-600 text-white"
              : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          {r.label}
        </a>
      ))}
    </nav>
  );
}
