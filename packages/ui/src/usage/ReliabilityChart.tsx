"use client";
// Failed requests, retries and failovers per bucket.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket, SERIES_COLORS } from "./usageFormat.ts";
import type { UsageBucket, UsageDashboardView } from "./usageTypes.ts";

export function ReliabilityChart({
  points,
  bucket,
}: {
  points: UsageDashboardView["reliability"];
  bucket: UsageBucket;
}) {
  const data = points.map((p) => ({ ...p, label: formatBucket(p.bucket, bucket) }));
  return (
    <div className="h-52 w-full" data-testid="usage-reliability-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} allowDecimals={false} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="retries" name="retries" fill={SERIES_COLORS[3]} isAnimationActive={false} />
          <Bar dataKey="failovers" name="failovers" fill={SERIES_COLORS[2]} isAnimationActive={false} />
          <Bar dataKey="failed" name="failed requests" fill={SERIES_COLORS[4]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
