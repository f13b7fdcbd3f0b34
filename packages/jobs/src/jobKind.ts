// A kind of job: its queue name, the shape of its data (checked when a job is enqueued and again when a
// worker takes it), and how hard pg-boss tries: retries with backoff, a heartbeat lease, a time bound.
import type { z } from "zod";

export interface JobKindSpec<T> {
  /** The pg-boss queue, e.g. "todo.build"; its dead letters go to "<name>.dead". */
  name: string;
  data: z.ZodType<T>;
  /** Attempts after the first before the job is dead (default 3). */
  retryLimit?: number;
  /** The first retry's delay; each next one doubles, with jitter (default 5). */
  retryDelaySeconds?: number;
  /** A worker that stops beating for this long lost its lease: the job is retried (default 20, at least 10). */
  heartbeatSeconds?: number;
  /** The longest one attempt may run before it counts as failed (default 15 minutes). */
  expireInSeconds?: number;
}

export interface JobKind<T> {
  name: string;
  deadLetterName: string;
  data: z.ZodType<T>;
  retryLimit: number;
  retryDelaySeconds: number;
  heartbeatSeconds: number;
  expireInSeconds: number;
}

/** pg-boss refuses a heartbeat under 10 s. */
export const MIN_HEARTBEAT_SECONDS = 10;

export function jobKind<T>(spec: JobKindSpec<T>): JobKind<T> {
  const heartbeatSeconds = spec.heartbeatSeconds ?? 20;
  if (heartbeatSeconds < MIN_HEARTBEAT_SECONDS)
    throw new RangeError(`${spec.name}: heartbeatSeconds must be at least ${MIN_HEARTBEAT_SECONDS}`);
  if (!/^[a-z][a-z0-9.-]*$/.test(spec.name))
    throw new RangeError(`${spec.name}: a job kind's name is lower case letters, digits, dots and dashes`);
  return {
    name: spec.name,
    deadLetterName: `${spec.name}.dead`,
    data: spec.data,
    retryLimit: spec.retryLimit ?? 3,
    retryDelaySeconds: spec.retryDelaySeconds ?? 5,
    heartbeatSeconds,
    expireInSeconds: spec.expireInSeconds ?? 15 * 60,
  };
}
