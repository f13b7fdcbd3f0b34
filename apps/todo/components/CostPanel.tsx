"use client";
// Today's spend for this app and the saving versus sending every answer to GPT-4o, from the ledger.
import { CostPill } from "@switchyard/ui";
import { useEffect, useState } from "react";
import { todoApi } from "@/lib/client/todoApi.ts";

type Costs = Awaited<ReturnType<typeof todoApi.costs>>;

export function CostPanel({ version }: { version: number }) {
  const [costs, setCosts] = useState<Costs | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    // `version` changes after every answer: read the ledger again.
    void version;
    todoApi.costs().then(
      (c) => {
        if (!live) return;
        setCosts(c);
        setFailed(false);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <section
      aria-label="Cost today"
      data-testid="cost-panel"
      className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Today</h2>
      {failed && <p className="text-xs text-rose-600">The ledger is unavailable.</p>}
      {!costs && !failed && <p className="text-xs text-slate-500">Loading…</p>}
      {costs && (
        <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
          <dt className="text-slate-500">Spent</dt>
          <dd data-testid="cost-spent">
            <CostPill usd={costs.spentUsd} />
          </dd>
          <dt className="text-slate-500">Saved vs all GPT-4o</dt>
          <dd data-testid="cost-saved">
            <CostPill usd={costs.savedUsd} tone="saving" />
          </dd>
          <dt className="text-slate-500">Answers</dt>
          <dd>
            {costs.requests} ({costs.byTier.fast} fast, {costs.byTier.strong} strong)
          </dd>
        </dl>
      )}
    </section>
  );
}
