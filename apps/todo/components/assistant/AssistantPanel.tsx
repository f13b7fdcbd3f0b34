"use client";
// The assistant that acts: say what to do ("remind me to renew the car insurance next Friday, high
// priority", "I've done the dentist one") and each change it proposes comes back as a card to approve
// or reject. Its answer cites only the todos it found relevant.
import { useState } from "react";
import { assistantApi } from "@/lib/assistant/assistantClient.ts";
import type { AssistantReply } from "@/lib/assistant/proposals.ts";
import { ApiCallError } from "@/lib/client/todoApi.ts";
import type { TodoView } from "@/lib/todoSchemas.ts";
import { ProposalCard } from "./ProposalCard.tsx";

export function AssistantPanel({ onChanged }: { onChanged: (todo: TodoView) => void }) {
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reply, setReply] = useState<AssistantReply | null>(null);

  async function send() {
    const text = message.trim();
    if (!text || pending) return;
    setPending(true);
    setError(null);
    setReply(null);
    try {
      setReply(await assistantApi.send(text));
      setMessage("");
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "The assistant could not answer.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-label="Assistant" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="mb-2 text-sm font-semibold">Assistant</h2>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor="assistant-message" className="sr-only">
          Tell the assistant
        </label>
        <input
          id="assistant-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={2000}
          placeholder="e.g. move the VAT return to Monday"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Thinking…" : "Send"}
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      {reply && (
        <div className="mt-3 flex flex-col gap-2" data-testid="assistant-reply">
          <p className="whitespace-pre-wrap text-sm">{reply.text}</p>
          {reply.proposals.length > 0 && (
            <ul className="flex flex-col gap-2" aria-label="Proposed changes">
              {reply.proposals.map((p) => (
                <ProposalCard key={p.id} proposal={p} onApplied={onChanged} />
              ))}
            </ul>
          )}
          {reply.sources.length > 0 && (
            <p className="text-xs text-slate-500" data-testid="assistant-sources">
              From your todos: {reply.sources.map((s) => `“${s.title}”`).join(", ")}
            </p>
          )}
          <p className="text-xs text-slate-400">
            {reply.model ?? "model unknown"} · {reply.steps} {reply.steps === 1 ? "step" : "steps"}
          </p>
        </div>
      )}
    </section>
  );
}
