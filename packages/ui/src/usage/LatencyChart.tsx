"use client";
// End-to-end latency and time to first token over time, for one endpoint at a time.
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket, formatMs, SERIES_COLORS } from "./usageFormat.ts";
import type { UsageBucket, UsageDashboardView } from "./usageTypes.ts";

const LINES = [
  { key: "p50Ms", name: "p50", color: SERIES_COLORS[0] },
  { key: "p95Ms", name: "p95", color: SERIES_COLORS[3] },
  { key: "p99Ms", name: "p99", color: SERIES_COLORS[4] },
  { key: "ttftP50Ms", name: "TTFT p50", color: SERIES_COLORS[1], dashed: true },
  { key: "ttftP95Ms", name: "TTFT p95", color: SERIES_COLORS[5], dashed: true },
] as const;

export function LatencyChart({
  latency,
  bucket,
}: {
  latency: UsageDashboardView["latency"];
  bucket: UsageBucket;
}) {
  const endpoints = latency.byEndpoint.map((e) => e.endpoint);
  const [endpoint, setEndpoint] = useState(endpoints[0] ?? "");
  const data = latency.overTime
    .filter((p) => p.endpoint === endpoint)
    .map((p) => ({ ...p, label: formatBucket(p.bucket, bucket) }));
  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        Endpoint
        <select
          value={endpoint}
          onChange={(e) => setEndpoint(e.target.value)}
          className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700"
        >
          {endpoints.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </label>
      <div className="h-56 w-full" data-testid="usage-latency-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="label" fontSize={11} minTickGap={16} />
            <YAxis fontSize={11} tickFormatter={(v: number) => formatMs(v)} width={64} />
            <Tooltip formatter={(v) => formatMs(v === null || v === undefined ? null : Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {LINES.map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                strokeDasharray={"dashed" in l ? "4 3" : undefined}
                dot={data.length < 3}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
