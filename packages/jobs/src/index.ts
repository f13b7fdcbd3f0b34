// @switchyard/jobs: durable jobs in Postgres on pg-boss (see README.md for why pg-boss and how to run workers).
export { jobIdForKey } from "./jobIds.ts";
export { type JobKind, type JobKindSpec, jobKind, MIN_HEARTBEAT_SECONDS } from "./jobKind.ts";
export {
  type DeadJob,
  type JobContext,
  type JobState,
  type JobStatus,
  type Jobs,
  type JobWorker,
  type SqlExecutor,
  type StartJobsOptions,
  startJobs,
} from "./jobQueue.ts";
export { reasonOf } from "./jobReason.ts";
export { runsWorkers, type WorkersMode, workersMode } from "./workersMode.ts";
