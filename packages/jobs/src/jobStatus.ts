// A job's status as the API reports it, from pg-boss's findJobs or from its job table read directly
// (many jobs in one statement, for the watcher that waits on them).
import type { Db } from "pg-boss";
import { z } from "zod";
import type { JobState, JobStatus } from "./jobQueue.ts";
import { reasonOf } from "./jobReason.ts";

/** What every job's data holds: the key it was enqueued under and the kind's own data. */
export const envelope = z.object({ key: z.string().min(1), data: z.unknown() });
export const FINISHED: ReadonlySet<JobState> = new Set(["completed", "failed", "cancelled"]);

/** A job row's fields as pg-boss's findJobs names them. */
export interface JobFields {
  id: string;
  state: JobState;
  retryCount: number;
  output: unknown;
  data: unknown;
}

export function statusOf(job: JobFields): JobStatus {
  return {
    id: job.id,
    state: job.state,
    attempts: job.retryCount + (job.state === "created" ? 0 : 1),
    reason: job.state === "failed" || job.state === "retry" ? reasonOf(job.output) : null,
    output: job.state === "completed" ? (job.output ?? null) : null,
    data: envelope.safeParse(job.data).data?.data ?? null,
  };
}

/** The statuses of the given jobs of one queue, in one statement; a job missing from the map is gone. */
export async function readJobStatuses(
  db: Db,
  schema: string,
  name: string,
  ids: string[],
): Promise<Map<string, JobStatus>> {
  // `job` is the root of pg-boss's job tables whether or not each queue has a partition of its own.
  const { rows } = await db.executeSql(
    `select id::text as id, state::text as state, retry_count as "retryCount", output, data
       from ${schema}.job where name = $1 and id = any($2::uuid[])`,
    [name, ids],
  );
  return new Map((rows as JobFields[]).map((row) => [row.id, statusOf(row)]));
}
