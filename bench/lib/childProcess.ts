// Starts a TypeScript entry in its own Node process (so its CPU is not charged to the process being
// measured) and waits for its "ready" IPC message. The child inherits this process's tsx loader.
// Also what the benchmarks need to run other servers as children: a free port, a readiness poll, a stop.
import { type ChildProcess, fork } from "node:child_process";
import net from "node:net";

export interface ReadyMessage {
  type: "ready";
  url: string;
}

export interface StartedChild {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** `env` replaces this process's environment for the child (default: inherited). */
export function startChild(
  entry: string,
  args: string[] = [],
  timeoutMs = 20_000,
  env?: NodeJS.ProcessEnv,
): Promise<StartedChild> {
  const child = fork(entry, args, { stdio: ["ignore", "inherit", "inherit", "ipc"], env });
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${entry} did not report ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited early with code ${code}`));
    });
    child.on("message", (m: unknown) => {
      const msg = m as Partial<ReadyMessage> | null;
      if (msg?.type === "ready" && typeof msg.url === "string") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, url: msg.url, stop });
      }
    });
  });
}

/**
 * Runs a TypeScript entry to completion in its own Node process; resolves with the one message it sends.
 * `nodeFlags` are added to the inherited ones (e.g. --cpu-prof).
 */
export function runChildForResult<T>(
  entry: string,
  args: string[] = [],
  nodeFlags: string[] = [],
): Promise<T> {
  const execArgv = [...process.execArgv, ...nodeFlags];
  const child = fork(entry, args, { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv });
  return new Promise((resolve, reject) => {
    let result: { value: T } | null = null;
    child.once("message", (m: unknown) => {
      result = { value: m as T };
    });
    child.once("exit", (code) => {
      if (result) resolve(result.value);
      else reject(new Error(`${entry} exited with code ${code} before sending its result`));
    });
  });
}

/** Sends SIGTERM and resolves once the child has exited (at once if it already has). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `url` every `intervalMs` until it answers 2xx ("ready"), the child exits first ("exited"), or
 * `timeoutMs` passes ("timeout").
 */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  intervalMs: number,
): Promise<"ready" | "exited" | "timeout"> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) return "exited";
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return "ready";
    if (Date.now() > deadline) return "timeout";
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** For the child side: tells the parent the server is listening. */
export function reportReady(url: string): void {
  process.send?.({ type: "ready", url } satisfies ReadyMessage);
}

/** For the child side: exit when the parent says so or goes away. */
export function exitWithParent(close: () => Promise<void> | void): void {
  const bye = async () => {
    await close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void bye());
  process.once("disconnect", () => void bye());
}
