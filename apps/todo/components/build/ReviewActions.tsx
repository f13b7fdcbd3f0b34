"use client";
// The human's decision on the latest revision. Nothing is applied until "Approve".
import { useState } from "react";

export type ReviewDecision =
  | { action: "approve" }
  | { action: "reject" }
  | { action: "request_changes"; comment: string };

export function ReviewActions({
  busy,
  suggestion,
  onDecide,
}: {
  busy: boolean;
  /** Prefilled change request, e.g. naming the failing tests. */
  suggestion: string;
  onDecide: (decision: ReviewDecision) => void;
}) {
  const [comment, setComment] = useState(suggestion);
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <label htmlFor="review-comment" className="text-sm font-medium">
        Review comment
      </label>
      <textarea
        id="review-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        rows={3}
        placeholder="What should the coder change? The failing tests are sent along."
        className="rounded border border-slate-300 bg-transparent p-2 text-sm dark:border-slate-700"
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => onDecide({ action: "approve" })}
          className="rounded bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-50"
        >
          Approve
        </button>
        <button
          type="button"
          disabled={busy || !comment.trim()}
          onClick={() => onDecide({ action: "request_changes", comment })}
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          Request changes
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onDecide({ action: "reject" })}
          className="rounded px-3 py-1.5 text-sm text-rose-700 hover:bg-rose-50 disabled:opacity-50 dark:text-rose-300 dark:hover:bg-rose-950"
        >
          Reject
        </button>
      </div>
    </section>
  );
}
