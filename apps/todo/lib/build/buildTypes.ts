// A build of one todo: the plan, each coder revision with its check, and the human's reviews.
// Plain JSON so it can be stored and sent to the browser as is.
import type { SandboxResult } from "@switchyard/sandbox";
import type { BuildSpec } from "./buildSpec.ts";

/** The model calls of a build: the first plan, its one retry, the strong re-plan, and each coder revision. */
export type BuildStep = "plan" | "plan-retry" | "plan-strong" | "code";

export type BuildStatus =
  | "planning"
  | "coding"
  | "checking"
  | "awaiting_review"
  | "approved"
  | "rejected"
  | "failed";

/** One model call: what served it and what it cost (the ledger holds the same row). */
export interface StepCall {
  step: BuildStep;
  revision: number;
  idempotencyKey: string;
  modelRequested: string;
  modelUsed: string | null;
  provider: string | null;
  tier: string | null;
  score: number | null;
  reasons: string[];
  costUsd: number;
  latencyMs: number;
  /** The stored answer of an earlier identical call was returned: no upstream call, no cost. */
  replay: boolean;
  /** The local provider answered from a scripted sample, not a model. */
  scripted: boolean;
}

export interface CheckResult {
  ok: boolean;
  tests: SandboxResult["tests"];
  stopped: SandboxResult["stopped"];
  logs: string[];
  durationMs: number;
}

export interface Revision {
  n: number;
  code: string;
  tests: string;
  call: StepCall;
  check: CheckResult | null;
  /** The change request that produced this revision (absent on the first). */
  requestedChange?: string;
}

export interface ReviewEntry {
  revision: number;
  action: "approve" | "request_changes" | "reject";
  comment: string;
  at: string;
}

export interface Build {
  todoId: string;
  owner: string;
  run: number;
  task: { title: string; notes: string };
  status: BuildStatus;
  spec: BuildSpec | null;
  /** Every planner call, retries and escalation included. */
  planCalls: StepCall[];
  escalation: string | null;
  revisions: Revision[];
  reviews: ReviewEntry[];
  /** Why the build failed, and the step a retry runs again. */
  error: {
    code: string;
    message: string;
    step: "planning" | "coding" | "checking";
    details?: Record<string, unknown>;
  } | null;
  updatedAt: string;
  /** The job running this build's steps (absent when they run in-process): its key and how many came before. */
  stepsJob?: { key: string; n: number };
  /** Set when a job's later attempt carried on after its worker stopped mid-step (the page says so). */
  resumed?: { attempt: number; step: "planning" | "coding" | "checking"; at: string };
}
