// Who runs a build's steps once a route has saved it: a durable job (buildJobs.ts, the app) or a promise
// in this process (the default, for unit tests). Either way a build in progress has someone working on it,
// or `stopped` says why not.
import type { UserRouting } from "../todoEmbedder.ts";
import type { BuildStore } from "./buildStore.ts";
import type { Build } from "./buildTypes.ts";

export type PlannerTier = "auto" | "fast" | "strong";

export interface StepRunner {
  /**
   * Saves the build (planning, coding or checking) and has its steps run. `done` settles when they stop
   * in this process, or at once with the saved build when a job runs them.
   */
  run(
    build: Build,
    tier: PlannerTier,
    routing?: UserRouting,
  ): Promise<{ build: Build; done: Promise<Build> }>;
  /** Null while someone is working on this in-progress build; otherwise why nobody is. */
  stopped(build: Build): Promise<string | null>;
}

export const isInProgress = (build: Build): build is Build & { status: "planning" | "coding" | "checking" } =>
  build.status === "planning" || build.status === "coding" || build.status === "checking";

/** An in-progress build whose steps stopped, as failed with the reason; Retry runs that step again. */
export function stoppedBuild(build: Build, reason: string): Build {
  const step = build.status === "coding" || build.status === "checking" ? build.status : "planning";
  return {
    ...build,
    status: "failed",
    error: { code: "worker_lost", message: `${step} stopped: ${reason}`, step },
  };
}

const keyOf = (build: Build) => `${build.owner}:${build.todoId}`;

export function inProcessSteps(
  store: BuildStore,
  advance: (build: Build, tier: PlannerTier, routing?: UserRouting) => Promise<Build>,
): StepRunner {
  const running = new Set<string>();
  return {
    async run(build, tier, routing) {
      await store.save(build);
      running.add(keyOf(build));
      const done = advance(build, tier, routing).finally(() => running.delete(keyOf(build)));
      // Routes return before the steps finish; a store failure must not become an unhandled rejection.
      done.catch(() => {});
      return { build, done };
    },
    async stopped(build) {
      return running.has(keyOf(build)) ? null : "the server restarted while it ran";
    },
  };
}
