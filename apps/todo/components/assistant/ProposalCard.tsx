"use client";
// One change the assistant proposes, as a card: Approve runs it (once, however often it is clicked),
// Reject drops it and writes nothing. The card says what happened, or why it failed.
import { useRef, useState } from "react";
import { assistantApi } from "@/lib/assistant/assistantClient.ts";
import type { Proposal } from "@/lib/assistant/proposals.ts";
import { ApiCallError } from "@/lib/client/todoApi.ts";
import type { TodoView } from "@/lib/todoSchemas.ts";

type CardState = "proposed" | "approving" | "approved" | "rejected";

export function ProposalCard({
  proposal,
  onApplied,
}: {
  proposal: Proposal;
  onApplied: (todo: TodoView) => void;
}) {
  const [state, setState] = useState<CardState>("proposed");
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: a second click in the same frame sees it at once.
  const inFlight = useRef(false);

  async function approve() {
    if (inFlight.current) return;
    inFlight.current = true;
    setState("approving");
    setError(null);
    try {
      onApplied(await assistantApi.approve(proposal));
      setState("approved");
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "The change could not be made.");
      setState("proposed");
      inFlight.current = false;
    }
  }

  return (
    <li
      data-testid="proposal-card"
      data-state={state}
      className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <p>{proposal.summary}</p>
      {state === "approved" && <p className="mt-1 text-xs text-emerald-700 dark:text-emerald-400">Done.</p>}
      {state === "rejected" && <p className="mt-1 text-xs text-slate-500">Rejected: nothing was changed.</p>}
      {error && (
        <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      {(state === "proposed" || state === "approving") && (
        <div className="mt-2 flex gap-2">
          <button
            type="button"
            onClick={() => void approve()}
            className="rounded-md bg-brand-600 px-3 py-1 text-xs font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {state === "approving" ? "Approving…" : "Approve"}
          </button>
          <button
            type="button"
            disabled={state === "approving"}
            onClick={() => setState("rejected")}
            className="rounded-md px-3 py-1 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-60 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Reject
          </button>
        </div>
      )}
    </li>
  );
}
