"use client";
// How many answered requests cost how much, on a log scale of bins.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd, SERIES_COLORS } from "./usageFormat.ts";
import type { UsageDashboardView } from "./usageTypes.ts";

function binLabel(bin: { fromUsd: number; toUsd: number | null }, first: boolean): string {
  if (first) return "$0";
  if (bin.toUsd === null) return `≥ ${formatUsd(bin.fromUsd)}`;
  return `< ${formatUsd(bin.toUsd)}`;
}

export function CostDistributionChart({
  distribution,
}: {
  distribution: UsageDashboardView["costDistribution"];
}) {
  const data = distribution.bins.map((b, i) => ({ label: binLabel(b, i === 0), requests: b.requests }));
  return (
    <div className="flex flex-col gap-2">
      <div className="h-48 w-full" data-testid="usage-cost-distribution">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis fontSize={11} allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="requests" fill={SERIES_COLORS[2]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Per request: p50 {formatUsd(distribution.p50Usd)} · p95 {formatUsd(distribution.p95Usd)} · p99{" "}
        {formatUsd(distribution.p99Usd)}
      </p>
    </div>
  );
}
