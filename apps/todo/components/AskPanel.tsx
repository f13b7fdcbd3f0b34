"use client";
// "Ask your todos": streams the answer, lists the todos it used, shows how it was routed and what it cost.
// Every state ends somewhere: done, stopped, failed, or interrupted (with the partial text and a Retry).
// The dial picks where "auto" sends a question; each answer can be graded for the router to learn from.
import { RouteBadge } from "@switchyard/ui";
import { failureMessage } from "@switchyard/ui/auth";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AskSource, RouteInfo } from "@/lib/askEvents.ts";
import { readAskStream } from "@/lib/client/readAskStream.ts";
import { todoApi } from "@/lib/client/todoApi.ts";
import type { DialView } from "@/lib/dial/dialSchemas.ts";
import { ASK_TIERS, type AskTier } from "@/lib/todoSchemas.ts";
import { AnswerFeedback } from "./AnswerFeedback.tsx";
import { AnswerMetrics } from "./AnswerMetrics.tsx";
import { DialControl } from "./DialControl.tsx";
import { DialPosition } from "./DialPosition.tsx";

type Phase = "idle" | "waiting" | "streaming" | "done" | "failed" | "stopped";

interface Answer {
  question: string;
  tier: AskTier;
  phase: Phase;
  text: string;
  sources: AskSource[];
  route: RouteInfo | null;
  error: { code: string; message: string; interrupted: boolean } | null;
}

const tierHelp: Record<AskTier, string> = {
  auto: "The classifier picks",
  fast: "Always the cheap model",
  strong: "Always the strong model",
};

export function AskPanel({ onAnswered }: { onAnswered: () => void }) {
  const [question, setQuestion] = useState("");
  const [tier, setTier] = useState<AskTier>("auto");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const controller = useRef<AbortController | null>(null);
  const busy = answer?.phase === "waiting" || answer?.phase === "streaming";
  const [dial, setDial] = useState<DialView | null>(null);
  const [dialSaving, setDialSaving] = useState(false);

  // The dial's figures include today's answers: read them at start and after each answer.
  const loadDial = useCallback(() => {
    todoApi.dial().then(setDial, () => {});
  }, []);
  useEffect(loadDial, []);

  async function chooseStop(stop: string) {
    setDialSaving(true);
    try {
      setDial(await todoApi.setDial(stop));
    } catch {
      loadDial();
    } finally {
      setDialSaving(false);
    }
  }

  async function ask(q: string, t: AskTier) {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let current: Answer = {
      question: q,
      tier: t,
      phase: "waiting",
      text: "",
      sources: [],
      route: null,
      error: null,
    };
    const update = (patch: Partial<Answer>) => {
      current = { ...current, ...patch };
      setAnswer(current);
    };
    update({});
    try {
      for await (const event of readAskStream(q, t, abort.signal)) {
        if (event.type === "sources") update({ sources: event.sources });
        else if (event.type === "meta") update({ route: event.route, phase: "streaming" });
        else if (event.type === "delta") update({ text: current.text + event.text, phase: "streaming" });
        else if (event.type === "done") update({ route: event.route, phase: "done" });
        else
          update({
            phase: "failed",
            route: event.route ?? current.route,
            // Over budget or too fast: say what was spent and when it resets, or when to retry.
            error: { code: event.code, message: failureMessage(event), interrupted: event.interrupted },
          });
      }
    } catch {
      if (abort.signal.aborted) update({ phase: "stopped" });
      else
        update({
          phase: "failed",
          error: { code: "network", message: "The connection broke.", interrupted: current.text.length > 0 },
        });
    } finally {
      if (controller.current === abort) controller.current = null;
      onAnswered();
      loadDial();
    }
  }

  return (
    <section
      aria-label="Ask your todos"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 className="text-sm font-semibold">Ask your todos</h2>
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (question.trim() && !busy) void ask(question.trim(), tier);
        }}
      >
        <label htmlFor="ask-question" className="sr-only">
          Question
        </label>
        <textarea
          id="ask-question"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          rows={2}
          maxLength={2000}
          placeholder="What's due this week? Plan my Saturday around the errands…"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
        />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <fieldset className="flex gap-1 text-xs" aria-label="Model tier">
            {ASK_TIERS.map((t) => (
              <label
                key={t}
                title={tierHelp[t]}
                className="cursor-pointer rounded-full border border-slate-300 px-3 py-1 capitalize has-checked:border-brand-600 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand-500 dark:border-slate-700"
              >
                <input
                  type="radio"
                  name="tier"
                  value={t}
                  checked={tier === t}
                  onChange={() => setTier(t)}
                  className="sr-only"
                />
                {t}
              </label>
            ))}
          </fieldset>
          {busy ? (
            <button
              type="button"
              onClick={() => controller.current?.abort()}
              className="rounded-md border border-slate-300 px-4 py-1.5 text-sm dark:border-slate-700"
            >
              Stop
            </button>
          ) : (
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
              disabled={!question.trim()}
            >
              Ask
            </button>
          )}
        </div>
      </form>
      {dial && <DialControl dial={dial} saving={dialSaving} onChoose={(stop) => void chooseStop(stop)} />}
      {answer && (
        <AnswerView answer={answer} dial={dial} onRetry={() => void ask(answer.question, answer.tier)} />
      )}
    </section>
  );
}

function AnswerView({
  answer,
  dial,
  onRetry,
}: {
  answer: Answer;
  dial: DialView | null;
  onRetry: () => void;
}) {
  return (
    <div
      className="flex flex-col gap-3 border-t border-slate-200 pt-3 dark:border-slate-800"
      data-testid="answer"
      data-phase={answer.phase}
    >
      {answer.route && <RouteBadge {...answer.route} />}
      {answer.route && dial && <DialPosition route={answer.route} dial={dial} />}
      {answer.phase === "waiting" && (
        <p className="animate-pulse text-sm text-slate-500" aria-live="polite">
          Finding your todos and routing the question…
        </p>
      )}
      {answer.text && (
        <p
          className="whitespace-pre-wrap text-sm leading-relaxed"
          data-testid="answer-text"
          aria-live="polite"
        >
          {answer.text}
          {answer.phase === "streaming" && (
            <span className="ml-0.5 inline-block h-3 w-1.5 animate-pulse bg-slate-400" aria-hidden />
          )}
        </p>
      )}
      {answer.phase === "failed" && answer.error && (
        <div
          role="alert"
          data-testid="answer-error"
          data-code={answer.error.code}
          className="flex flex-wrap items-center gap-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
        >
          <span>
            {answer.error.interrupted ? "Interrupted: " : ""}
            {answer.error.message}
          </span>
          <button
            type="button"
            onClick={onRetry}
            className="rounded border border-rose-300 px-2 py-0.5 text-xs font-medium hover:bg-rose-100 dark:border-rose-800 dark:hover:bg-rose-900"
          >
            Retry
          </button>
        </div>
      )}
      {answer.phase === "stopped" && (
        <p className="text-sm text-slate-500">
          Stopped.{" "}
          <button type="button" onClick={onRetry} className="underline">
            Ask again
          </button>
        </p>
      )}
      {answer.route && (answer.phase === "done" || answer.phase === "failed") && (
        <AnswerMetrics route={answer.route} />
      )}
      {answer.route && answer.phase === "done" && (
        <AnswerFeedback
          key={answer.route.requestId}
          requestId={answer.route.requestId}
          question={answer.question}
        />
      )}
      {answer.sources.length > 0 && (
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Sources</h3>
          <ol className="flex flex-col gap-0.5 text-sm" data-testid="answer-sources">
            {answer.sources.map((s, i) => (
              <li key={s.id}>
                <a href={`#todo-${s.id}`} className="text-brand-600 hover:underline dark:text-brand-500">
                  [{i + 1}] {s.title}
                </a>
                {s.dueDate && <span className="ml-2 text-xs text-slate-500">due {s.dueDate}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
