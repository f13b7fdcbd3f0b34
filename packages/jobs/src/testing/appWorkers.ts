// Test helpers for the kill tests: polling until something happens, and an app's worker entry point
// started as its own node process (so SIGKILL reaches the worker itself). Imported by *.test.ts only.
import { type ChildProcess, spawn } from "node:child_process";

/** Polls `probe` until it returns a value; throws naming `what` once `timeoutMs` has passed. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { everyMs = 250, timeoutMs = 60_000 }: { everyMs?: number; timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The app's `worker.ts`, as `pnpm --filter <app> worker` starts it, with SWITCHYARD_WORKERS=separate. */
export function appWorkers(appDir: string) {
  const started: ChildProcess[] = [];
  return {
    start(env: Record<string, string>): ChildProcess {
      const child = spawn(process.execPath, ["--import", "tsx", "worker.ts"], {
        cwd: appDir,
        env: { ...process.env, ...env, SWITCHYARD_WORKERS: "separate" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      started.push(child);
      return child;
    },
    killAll(): void {
      for (const w of started) w.kill("SIGKILL");
    },
  };
}
