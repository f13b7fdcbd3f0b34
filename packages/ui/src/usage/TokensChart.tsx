"use client";
// Prompt and completion tokens per bucket.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket, formatCount, SERIES_COLORS } from "./usageFormat.ts";
import type { UsageBucket, UsageDashboardView } from "./usageTypes.ts";

export function TokensChart({ spend, bucket }: { spend: UsageDashboardView["spend"]; bucket: UsageBucket }) {
  const data = spend.points.map((p) => ({
    label: formatBucket(p.bucket, bucket),
    in: p.promptTokens,
    out: p.completionTokens,
  }));
  return (
    <div className="h-52 w-full" data-testid="usage-tokens-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} tickFormatter={(v: number) => formatCount(v)} width={56} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="in" name="tokens in" fill={SERIES_COLORS[0]} isAnimationActive={false} />
          <Bar dataKey="out" name="tokens out" fill={SERIES_COLORS[1]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
