// Model, tier and cost of every call the build made, with replays and scripted answers named as such.
import { CostPill } from "@switchyard/ui";
import type { StepCall } from "@/lib/build/buildTypes.ts";

export function StepCosts({ calls }: { calls: StepCall[] }) {
  const total = calls.reduce((sum, c) => sum + c.costUsd, 0);
  return (
    <table data-testid="step-costs" className="w-full text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 font-medium">Step</th>
          <th className="font-medium">Model</th>
          <th className="font-medium">Tier</th>
          <th className="font-medium">Cost</th>
          <th className="font-medium">Time</th>
          <th className="font-medium" />
        </tr>
      </thead>
      <tbody>
        {calls.map((c) => (
          <tr
            key={c.idempotencyKey}
            data-testid="step-row"
            className="border-t border-slate-100 dark:border-slate-800"
          >
            <td className="py-1">
              {c.step}
              {c.step === "code" ? ` r${c.revision}` : ""}
            </td>
            <td className="font-mono">{c.modelUsed ?? "—"}</td>
            <td>
              {c.tier ?? "—"}
              {c.modelRequested === "auto" ? " (auto)" : ""}
            </td>
            <td>
              <CostPill usd={c.costUsd} />
            </td>
            <td className="tabular-nums">{c.latencyMs} ms</td>
            <td className="flex gap-1">
              {c.scripted && (
                <span
                  data-testid="scripted-label"
                  title="The local provider answered from a scripted sample, not a model."
                  className="rounded bg-amber-100 px-1.5 text-amber-800 dark:bg-amber-950 dark:text-amber-300"
                >
                  scripted
                </span>
              )}
              {c.replay && (
                <span
                  title="Replayed from the idempotency store: no upstream call, nothing paid."
                  className="rounded bg-slate-100 px-1.5 dark:bg-slate-800"
                >
                  replay
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200 dark:border-slate-700">
          <td className="py-1 font-medium" colSpan={3}>
            Total
          </td>
          <td data-testid="build-total-cost">
            <CostPill usd={total} />
          </td>
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}
