// What goes into the sandbox and what comes out, validated where it crosses the process boundary.
import { z } from "zod";

export const STOP_REASONS = [
  "fs_denied",
  "network_denied",
  "spawn_denied",
  "timeout",
  "memory_limit",
  "compile_error",
  "output_limit",
  "crashed",
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const sandboxInput = z.object({
  /** File name -> source. `.ts`/`.tsx` are transpiled; tests import siblings as `./name`. */
  files: z.record(z.string().regex(/^[\w.-]{1,80}$/), z.string().max(200_000)),
  /** The files whose `test()` calls are run, in order. */
  tests: z.array(z.string()).min(1),
  limits: z
    .object({
      /** Wall-clock limit for the whole run; the process is killed after it. */
      timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      /** Limit for one test (synchronous part interrupted by V8; async part raced). */
      testTimeoutMs: z.number().int().min(10).max(60_000).default(2_000),
      /** V8 heap limit and the resident-set ceiling the watchdog enforces, in MB. */
      memoryMb: z.number().int().min(16).max(2048).default(96),
    })
    .prefault({}),
});
export type SandboxInput = z.input<typeof sandboxInput>;

export const testResult = z.object({
  name: z.string(),
  status: z.enum(["passed", "failed"]),
  error: z.string().optional(),
  durationMs: z.number(),
});
export type TestResult = z.infer<typeof testResult>;

export const stopInfo = z.object({ reason: z.enum(STOP_REASONS), message: z.string() });
export type StopInfo = z.infer<typeof stopInfo>;

export interface SandboxResult {
  /** True when nothing was stopped, at least one test ran, and every test passed. */
  ok: boolean;
  tests: TestResult[];
  /** Why the sandbox stopped the code, or null when it ran to the end. */
  stopped: StopInfo | null;
  /** console output of the code under test (capped). */
  logs: string[];
  durationMs: number;
}
