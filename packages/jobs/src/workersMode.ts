// Where an app's workers run: inside the app's server process (the default), or in a process of their
// own (`SWITCHYARD_WORKERS=separate`, started with the app's worker entry point).
import { z } from "zod";

export type WorkersMode = "inline" | "separate";

const workersEnv = z.object({ SWITCHYARD_WORKERS: z.enum(["inline", "separate"]).default("inline") });

export function workersMode(env: NodeJS.ProcessEnv = process.env): WorkersMode {
  const parsed = workersEnv.safeParse({ SWITCHYARD_WORKERS: env.SWITCHYARD_WORKERS || undefined });
  if (!parsed.success) throw new RangeError('SWITCHYARD_WORKERS is "inline" (the default) or "separate"');
  return parsed.data.SWITCHYARD_WORKERS;
}

/** True where this process should run workers: the worker process always, the app only when inline. */
export function runsWorkers(role: "app" | "worker", env: NodeJS.ProcessEnv = process.env): boolean {
  return role === "worker" || workersMode(env) === "inline";
}
