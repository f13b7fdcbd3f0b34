"use client";
// Spend per bucket, stacked by app, feature or model.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket, formatUsd, SERIES_COLORS } from "./usageFormat.ts";
import type { UsageBucket, UsageDashboardView } from "./usageTypes.ts";

export function SpendChart({ spend, bucket }: { spend: UsageDashboardView["spend"]; bucket: UsageBucket }) {
  const data = spend.points.map((p) => ({ label: formatBucket(p.bucket, bucket), ...p.byKey }));
  return (
    <div className="h-64 w-full" data-testid="usage-spend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} tickFormatter={(v: number) => formatUsd(v)} width={72} />
          <Tooltip formatter={(v) => formatUsd(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {spend.keys.map((key, i) => (
            <Bar
              key={key}
              dataKey={key}
              stackId="spend"
              fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
