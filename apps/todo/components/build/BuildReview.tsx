"use client";
// "Plan & build" for one todo: start the chain, watch its steps, review the latest revision.
import { failureMessage } from "@switchyard/ui/auth";
import { useCallback, useEffect, useState } from "react";
import { buildApi, isRunning } from "@/lib/build/buildClient.ts";
import type { Build, Revision } from "@/lib/build/buildTypes.ts";
import { ApiCallError } from "@/lib/client/todoApi.ts";
import { CodeBlock } from "./CodeBlock.tsx";
import { ReviewActions, type ReviewDecision } from "./ReviewActions.tsx";
import { SpecView } from "./SpecView.tsx";
import { StepCosts } from "./StepCosts.tsx";
import { TestResults } from "./TestResults.tsx";

const POLL_MS = 700;
const STATUS_TEXT: Record<Build["status"], string> = {
  planning: "Planning: the planner writes a specification…",
  coding: "Coding: the coder writes the function and its tests…",
  checking: "Checking: the tests run in the sandbox…",
  awaiting_review: "Waiting for your review",
  approved: "Approved",
  rejected: "Rejected",
  failed: "Failed",
};

function changeSuggestion(revision: Revision | undefined): string {
  const failing = revision?.check?.tests.filter((t) => t.status === "failed") ?? [];
  if (failing.length === 0) return "";
  return `These tests fail: ${failing.map((t) => t.name).join("; ")}. Fix the function so they pass.`;
}

export function BuildReview({ todoId, initial }: { todoId: string; initial: Build | null }) {
  const [build, setBuild] = useState<Build | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tier, setTier] = useState<"auto" | "fast" | "strong">("auto");

  const act = useCallback(async (run: () => Promise<Build | null>) => {
    setBusy(true);
    setError(null);
    try {
      setBuild(await run());
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "Something went wrong.");
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (!isRunning(build)) return;
    const timer = setTimeout(() => void buildApi.get(todoId).then(setBuild, () => {}), POLL_MS);
    return () => clearTimeout(timer);
  }, [build, todoId]);

  const latest = build?.revisions.at(-1);
  const calls = build ? [...build.planCalls, ...build.revisions.map((r) => r.call)] : [];
  const decide = (d: ReviewDecision) =>
    latest &&
    void act(() =>
      buildApi.review(todoId, {
        action: d.action,
        revision: latest.n,
        comment: d.action === "request_changes" ? d.comment : "",
      }),
    );

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        {(!build || build.status === "approved" || build.status === "rejected") && (
          <>
            <select
              aria-label="Planner tier"
              value={tier}
              onChange={(e) => setTier(e.target.value as typeof tier)}
              className="rounded border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-700"
            >
              <option value="auto">auto (classifier decides)</option>
              <option value="fast">fast</option>
              <option value="strong">strong</option>
            </select>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => buildApi.start(todoId, tier))}
              className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
            >
              {build ? "Build again" : "Plan & build"}
            </button>
          </>
        )}
        {build && (
          <p data-testid="build-status" data-status={build.status} className="text-sm font-medium">
            {STATUS_TEXT[build.status]}
            {latest ? ` · revision ${latest.n}` : ""}
          </p>
        )}
        {build?.status === "failed" && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => buildApi.retry(todoId))}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            Retry the failed step
          </button>
        )}
      </div>
      {(error || build?.error) && (
        <p role="alert" data-testid="build-error" className="text-sm text-rose-600">
          {error ?? (build?.error && failureMessage(build.error))}
        </p>
      )}
      {build?.resumed && (
        <p data-testid="build-resumed" className="text-sm text-amber-700 dark:text-amber-300">
          The worker running this build stopped while {build.resumed.step}; attempt {build.resumed.attempt}{" "}
          carried on from there.
        </p>
      )}
      {build?.escalation && (
        <p data-testid="build-escalation" className="text-sm text-purple-700 dark:text-purple-300">
          {build.escalation}
        </p>
      )}
      {calls.length > 0 && <StepCosts calls={calls} />}
      {build?.spec && (
        <details open className="flex flex-col gap-2">
          <summary className="cursor-pointer text-sm font-semibold">Specification</summary>
          <SpecView spec={build.spec} />
        </details>
      )}
      {latest && (
        <section className="flex flex-col gap-3" data-testid="build-revision" data-revision={latest.n}>
          <h3 className="text-sm font-semibold">
            Revision {latest.n}
            {latest.requestedChange ? ` — after your change request: “${latest.requestedChange}”` : ""}
          </h3>
          <CodeBlock code={latest.code} label="solution.ts" />
          {latest.tests && <CodeBlock code={latest.tests} label="solution.test.ts" />}
          <TestResults check={latest.check} />
        </section>
      )}
      {build?.status === "awaiting_review" && latest && (
        <ReviewActions key={latest.n} busy={busy} suggestion={changeSuggestion(latest)} onDecide={decide} />
      )}
      {build?.status === "approved" && (
        <p data-testid="build-approved" className="text-sm text-emerald-700 dark:text-emerald-400">
          Approved revision {latest?.n}. It is kept with this build for as long as the server runs.
        </p>
      )}
    </div>
  );
}
