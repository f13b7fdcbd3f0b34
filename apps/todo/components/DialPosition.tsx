// Where an answer's complexity score fell against the dial: the tier it gets at each stop, the stop it
// was routed at marked. Only for "auto" answers, which the classifier scored.
import type { RouteInfo } from "@/lib/askEvents.ts";
import type { DialView } from "@/lib/dial/dialSchemas.ts";

export function DialPosition({ route, dial }: { route: RouteInfo; dial: DialView }) {
  const score = route.score;
  if (score === null || route.modelRequested !== "auto") return null;
  const routedAt = dial.stops.find(
    (s) => route.threshold !== null && Math.abs(s.threshold - route.threshold) < 1e-9,
  );
  return (
    <p
      className="text-xs text-slate-600 dark:text-slate-400"
      data-testid="dial-position"
      data-stop={routedAt?.name ?? ""}
    >
      Score {score.toFixed(3)} against the dial:{" "}
      {dial.stops.map((stop, i) => {
        const tier = score >= stop.threshold ? "strong" : "fast";
        const here = stop.name === routedAt?.name;
        return (
          <span key={stop.name} className={here ? "font-semibold text-slate-900 dark:text-slate-100" : ""}>
            {i > 0 && " · "}
            {stop.name} ({stop.threshold.toFixed(3)}) {tier}
            {here && " ← routed here"}
          </span>
        );
      })}
    </p>
  );
}
