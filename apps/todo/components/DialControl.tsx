"use client";
// The Cheaper ↔ Better dial of the ask panel: the user's stop, and for each stop the share of questions it
// sends to the strong model and what today's questions would have cost there. The server keeps the stop.
import { CostPill } from "@switchyard/ui";
import type { DialView } from "@/lib/dial/dialSchemas.ts";

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function DialControl({
  dial,
  saving,
  onChoose,
}: {
  dial: DialView;
  saving: boolean;
  onChoose: (stop: string) => void;
}) {
  return (
    <fieldset
      className="flex flex-col gap-1 text-xs"
      data-testid="dial"
      data-stop={dial.stop}
      disabled={saving}
    >
      <legend className="mb-1 flex w-full justify-between text-slate-500">
        <span>Cheaper</span>
        <span className="font-semibold text-slate-700 dark:text-slate-300">Routing dial</span>
        <span>Better</span>
      </legend>
      <div className="grid grid-cols-3 gap-1">
        {dial.stops.map((stop) => (
          <label
            key={stop.name}
            data-testid={`dial-stop-${stop.name}`}
            title={`Misses at most 1 in ${Math.round(1 / stop.maxMissRate)} questions that need the strong model (threshold ${stop.threshold.toFixed(3)})`}
            className="flex cursor-pointer flex-col items-center gap-0.5 rounded-md border border-slate-300 px-2 py-1 has-checked:border-brand-600 has-checked:bg-brand-600/10 has-focus-visible:ring-2 has-focus-visible:ring-brand-500 dark:border-slate-700"
          >
            <input
              type="radio"
              name="dial-stop"
              value={stop.name}
              checked={dial.stop === stop.name}
              onChange={() => onChoose(stop.name)}
              className="sr-only"
            />
            <span className="font-medium capitalize">{stop.name}</span>
            <span className="text-slate-500" data-testid={`dial-share-${stop.name}`}>
              {percent(stop.expectedStrongShare)} strong
            </span>
            <span data-testid={`dial-cost-${stop.name}`} title="Today's questions re-routed at this stop">
              <CostPill usd={stop.today.costUsd} />
            </span>
          </label>
        ))}
      </div>
      <p className="text-slate-500" data-testid="dial-today">
        {dial.todayQuestions === 0
          ? "No routed questions today yet: the costs fill in as you ask."
          : `Today's ${dial.todayQuestions} routed question${dial.todayQuestions === 1 ? "" : "s"} priced at each stop (same tokens, ${dial.models.fast} or ${dial.models.strong}).`}
      </p>
    </fieldset>
  );
}
