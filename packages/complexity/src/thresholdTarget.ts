// The cost/quality dial: a target strong share or a target quality, turned into a score threshold from
// the table the training script calibrated.
import { z } from "zod";
import { ComplexityError } from "./errors.ts";
import type { ThresholdTable } from "./weightsFile.ts";

export const routingTarget = z.union([
  z.object({ strongShare: z.number().min(0).max(1) }).strict(),
  z.object({ quality: z.number().min(0).max(1) }).strict(),
]);
export type RoutingTarget = z.infer<typeof routingTarget>;

export const DEFAULT_TARGET: RoutingTarget = { quality: 0.95 };

/** Linear interpolation of y at x over points sorted by x (clamped at both ends). */
function interpolate(points: readonly { x: number; y: number }[], x: number): number {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  if (sorted.length === 0) throw new ComplexityError("complexity:bad_weights", "threshold table is empty");
  if (x <= sorted[0]!.x) return sorted[0]!.y;
  for (let i = 1; i < sorted.length; i++) {
    const [lo, hi] = [sorted[i - 1]!, sorted[i]!];
    if (x <= hi.x) return hi.x === lo.x ? hi.y : lo.y + ((x - lo.x) / (hi.x - lo.x)) * (hi.y - lo.y);
  }
  return sorted.at(-1)!.y;
}

export function thresholdFor(table: ThresholdTable, target: RoutingTarget = DEFAULT_TARGET): number {
  const parsed = routingTarget.safeParse(target);
  if (!parsed.success) {
    throw new ComplexityError(
      "complexity:bad_target",
      'target must be {"strongShare": 0..1} or {"quality": 0..1}',
    );
  }
  if ("strongShare" in parsed.data) {
    if (parsed.data.strongShare >= 1) return 0;
    if (parsed.data.strongShare <= 0) return 1.000001;
    return interpolate(
      table.byStrongShare.map((p) => ({ x: p.strongShare, y: p.threshold })),
      parsed.data.strongShare,
    );
  }
  return interpolate(
    table.byQuality.map((p) => ({ x: p.quality, y: p.threshold })),
    parsed.data.quality,
  );
}
