// "Plan & build": planner -> coder -> sandboxed check -> human review, for one todo at a time.
// Each step saves the build before and after it, so the page can show progress and a failed step can
// be retried; every model call carries an idempotency key from (todo, run, step, revision), so a retry
// of a step whose answer was already paid for replays it for free.
import type { Router } from "@switchyard/router";
import type { SandboxInput, SandboxResult } from "@switchyard/sandbox";
import type { ChatMessage } from "@switchyard/wire";
import type { UserRouting } from "../todoEmbedder.ts";
import { callBuildModel } from "./buildModelCall.ts";
import { CODER_TESTS_FILE, SOLUTION_FILE, SPEC_TESTS_FILE, specTestsSource } from "./buildSpec.ts";
import {
  inProcessSteps,
  isInProgress,
  type PlannerTier,
  type StepRunner,
  stoppedBuild,
} from "./buildSteps.ts";
import type { BuildStore } from "./buildStore.ts";
import type { Build, BuildStep, Revision, StepCall } from "./buildTypes.ts";
import {
  type ChangeRequest,
  coderMessages,
  parseCoderOutput,
  parseSpec,
  plannerMessages,
  type TaskText,
} from "./promptsAndAnswers.ts";
import { alreadyApplied, applyReview, type ReviewAction } from "./reviewTransitions.ts";

export type { PlannerTier } from "./buildSteps.ts";

export interface BuildDeps {
  router: Pick<Router, "chat">;
  runChecks(input: SandboxInput): Promise<SandboxResult>;
  store: BuildStore;
  now?: () => Date;
  /** Who runs the steps: jobs (buildJobs.ts), or by default a promise in this process (unit tests). */
  steps?: StepRunner;
  /** A step error to throw to the job (which retries later) instead of failing the build with it. */
  retryLater?: (error: unknown) => boolean;
}

export interface BuildTodo {
  id: string;
  title: string;
  notes: string;
}

export class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CHECK_LIMITS = { timeoutMs: 15_000, testTimeoutMs: 2_000, memoryMb: 96 };

export function createBuildChain(deps: BuildDeps) {
  const now = deps.now ?? (() => new Date());

  async function save(build: Build): Promise<Build> {
    const saved = { ...build, updatedAt: now().toISOString() };
    await deps.store.save(saved);
    return saved;
  }

  const callModel = (
    build: Build,
    step: BuildStep,
    revision: number,
    model: string,
    messages: ChatMessage[],
    routing: UserRouting | undefined,
  ) => callBuildModel(deps.router, build, step, revision, model, messages, routing);

  async function plan(build: Build, tier: PlannerTier, routing?: UserRouting): Promise<Build> {
    const task: TaskText = build.task;
    const calls: StepCall[] = [];
    let answer = await callModel(build, "plan", 0, tier, plannerMessages(task), routing);
    calls.push(answer.call);
    let parsed = parseSpec(answer.text);
    if ("error" in parsed) {
      answer = await callModel(build, "plan-retry", 0, tier, plannerMessages(task, parsed.error), routing);
      calls.push(answer.call);
      parsed = parseSpec(answer.text);
    }
    if ("error" in parsed)
      throw new BuildError(
        "invalid_spec",
        `The planner's specification was malformed twice: ${parsed.error}`,
      );
    let spec = parsed.spec;
    let escalation: string | null = null;
    if (answer.call.tier === "strong" && tier === "auto")
      escalation = `The classifier scored the task complex (${answer.call.score?.toFixed(2) ?? "?"}): planned on the strong tier.`;
    if (spec.complexity === "complex" && answer.call.tier !== "strong") {
      const strong = await callModel(build, "plan-strong", 0, "strong", plannerMessages(task), routing);
      calls.push(strong.call);
      const again = parseSpec(strong.text);
      if ("spec" in again) spec = again.spec;
      escalation = "The planner marked its spec complex: re-planned on the strong tier.";
    }
    return { ...build, spec, planCalls: calls, escalation, status: "coding" };
  }

  async function code(build: Build, routing?: UserRouting): Promise<Build> {
    const spec = build.spec;
    if (!spec) throw new BuildError("no_spec", "There is no specification to code from.");
    const previous = build.revisions.at(-1);
    const review = build.reviews.at(-1);
    const change: ChangeRequest | undefined =
      previous && review?.action === "request_changes" && review.revision === previous.n
        ? {
            comment: review.comment,
            previousCode: previous.code,
            previousTests: previous.tests,
            failingTests: previous.check?.tests.filter((t) => t.status === "failed") ?? [],
          }
        : undefined;
    const n = (previous?.n ?? 0) + 1;
    const tier = spec.complexity === "simple" ? "fast" : "strong";
    const messages = coderMessages(build.task, spec, change);
    const { text, call } = await callModel(build, "code", n, tier, messages, routing);
    const output = parseCoderOutput(text);
    const revision: Revision = {
      n,
      code: output?.code ?? "",
      tests: output?.tests ?? "",
      call,
      check: output
        ? null
        : {
            ok: false,
            tests: [],
            stopped: { reason: "compile_error", message: "The coder's answer held no code block." },
            logs: [],
            durationMs: 0,
          },
      ...(change ? { requestedChange: change.comment } : {}),
    };
    return {
      ...build,
      revisions: [...build.revisions, revision],
      status: output ? "checking" : "awaiting_review",
    };
  }

  async function check(build: Build): Promise<Build> {
    const latest = build.revisions.at(-1);
    if (!latest || !build.spec) throw new BuildError("nothing_to_check", "There is no code to check.");
    const files: Record<string, string> = {
      [SOLUTION_FILE]: latest.code,
      [SPEC_TESTS_FILE]: specTestsSource(build.spec),
    };
    if (latest.tests) files[CODER_TESTS_FILE] = latest.tests;
    const result = await deps.runChecks({
      files,
      tests: latest.tests ? [SPEC_TESTS_FILE, CODER_TESTS_FILE] : [SPEC_TESTS_FILE],
      limits: CHECK_LIMITS,
    });
    const checked: Revision = {
      ...latest,
      check: {
        ok: result.ok,
        tests: result.tests,
        stopped: result.stopped,
        logs: result.logs,
        durationMs: result.durationMs,
      },
    };
    return { ...build, revisions: [...build.revisions.slice(0, -1), checked], status: "awaiting_review" };
  }

  /** Runs steps until the build waits for a human or fails; saves after each step. */
  async function advance(start: Build, tier: PlannerTier, routing?: UserRouting): Promise<Build> {
    let build = start;
    while (build.status === "planning" || build.status === "coding" || build.status === "checking") {
      const step = build.status;
      try {
        const next =
          step === "planning"
            ? await plan(build, tier, routing)
            : step === "coding"
              ? await code(build, routing)
              : await check(build);
        build = await save({ ...next, error: null });
      } catch (error) {
        if (deps.retryLater?.(error)) throw error;
        const { code, details } = error as { code?: unknown; details?: unknown };
        return save({
          ...build,
          status: "failed",
          error: {
            code: typeof code === "string" ? code : "step_failed",
            message: `${step} failed: ${error instanceof Error ? error.message : "unknown error"}`,
            step,
            // A router error's secret-free details (a spent budget: its scope, limit and use).
            ...(details && typeof details === "object"
              ? { details: details as Record<string, unknown> }
              : {}),
          },
        });
      }
    }
    return build;
  }

  const steps =
    deps.steps ?? inProcessSteps(deps.store, (build, tier, routing) => advance(build, tier, routing));

  function run(build: Build, tier: PlannerTier, routing?: UserRouting) {
    return steps.run({ ...build, updatedAt: now().toISOString() }, tier, routing);
  }

  /** The latest build, never one spinning with nobody on it: stopped steps fail it with the reason. */
  async function latest(owner: string, todoId: string): Promise<Build | null> {
    const build = await deps.store.latest(owner, todoId);
    if (!build || !isInProgress(build)) return build;
    const stopped = await steps.stopped(build);
    if (stopped === null) return build;
    return save(stoppedBuild(build, stopped));
  }

  return {
    get: latest,

    /** What a build job runs: the steps from where the build stands, saving after each. */
    advance,

    /** A build job out of retries: the build fails with why, if it is still the one that job ran. */
    async abandon(owner: string, todoId: string, jobKey: string, reason: string) {
      const build = await deps.store.latest(owner, todoId);
      if (!build || !isInProgress(build) || build.stepsJob?.key !== jobKey) return build;
      return save(stoppedBuild(build, reason));
    },

    /**
     * Starts a build of the todo (or returns the one in progress). `done` settles when the build waits
     * for review or fails; routes return at once and the page polls. `routing`: the owner's router
     * options (`routerOptionsFor(user)`), for every model call the steps make.
     */
    async start(owner: string, todo: BuildTodo, tier: PlannerTier = "auto", routing?: UserRouting) {
      const current = await latest(owner, todo.id);
      if (current && (isInProgress(current) || current.status === "awaiting_review"))
        return { build: current, done: Promise.resolve(current) };
      return run(
        {
          todoId: todo.id,
          owner,
          run: (await deps.store.runs(owner, todo.id)) + 1,
          task: { title: todo.title, notes: todo.notes },
          status: "planning",
          spec: null,
          planCalls: [],
          escalation: null,
          revisions: [],
          reviews: [],
          error: null,
          updatedAt: now().toISOString(),
        },
        tier,
        routing,
      );
    },

    /** Re-runs the step that failed, with the same idempotency keys. */
    async retry(owner: string, todoId: string, tier: PlannerTier = "auto", routing?: UserRouting) {
      const current = await latest(owner, todoId);
      if (current?.status !== "failed" || !current.error)
        throw new BuildError("not_retryable", "Only a failed build can be retried.");
      return run({ ...current, status: current.error.step, error: null }, tier, routing);
    },

    async review(
      owner: string,
      todoId: string,
      action: ReviewAction,
      revision: number,
      comment = "",
      routing?: UserRouting,
    ) {
      const current = await latest(owner, todoId);
      if (!current) throw new BuildError("not_found", "This todo has no build.");
      if (alreadyApplied(current, action, revision))
        return { build: current, done: Promise.resolve(current) };
      const reviewed = applyReview(current, action, revision, comment, now());
      if (reviewed.status === "coding") return run(reviewed, "auto", routing);
      const build = await save(reviewed);
      return { build, done: Promise.resolve(build) };
    },
  };
}

export type BuildChain = ReturnType<typeof createBuildChain>;
