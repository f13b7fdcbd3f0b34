"use client";
// Grading an answer's routing: "this needed the strong model" or "the cheap one would do", kept with the
// answer's ledger row. The question is sent along only when the user ticks the box for this answer.
import { useState } from "react";
import { ApiCallError, todoApi } from "@/lib/client/todoApi.ts";
import type { AnswerLabel } from "@/lib/dial/dialSchemas.ts";

type Saved = { label: AnswerLabel; questionStored: boolean };

const choices: { label: AnswerLabel; icon: string; text: string }[] = [
  { label: "strong", icon: "👎", text: "This needed the strong model" },
  { label: "fast", icon: "👍", text: "The cheap one would do" },
];

export function AnswerFeedback({ requestId, question }: { requestId: string; question: string }) {
  const [share, setShare] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(label: AnswerLabel) {
    setBusy(true);
    setError(null);
    try {
      const result = await todoApi.feedback(requestId, { label, question: share ? question : null });
      setSaved({ label, questionStored: result.questionStored });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "The feedback could not be saved.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="answer-feedback">
      {choices.map((c) => (
        <button
          key={c.label}
          type="button"
          disabled={busy}
          aria-pressed={saved?.label === c.label}
          onClick={() => void send(c.label)}
          data-testid={`feedback-${c.label}`}
          className="rounded-full border border-slate-300 px-2 py-0.5 hover:bg-slate-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-600/10 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          <span aria-hidden>{c.icon}</span> {c.text}
        </button>
      ))}
      <label className="flex items-center gap-1 text-slate-600 dark:text-slate-400">
        <input
          type="checkbox"
          checked={share}
          onChange={(e) => setShare(e.target.checked)}
          data-testid="feedback-share"
        />
        Share what I asked, to train the router
      </label>
      {saved && (
        <span className="text-emerald-700 dark:text-emerald-400" data-testid="feedback-saved" role="status">
          Saved{saved.questionStored ? ", with the question" : ""}.
        </span>
      )}
      {error && (
        <span className="text-rose-700" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
