// Starts a TypeScript entry in its own Node process (so its CPU is not charged to the process being
// measured) and waits for its "ready" IPC message. The child inherits this process's tsx loader.
import { type ChildProcess, fork } from "node:child_process";

export interface ReadyMessage {
  type: "ready";
  url: string;
}

export interface StartedChild {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export function startChild(entry: string, args: string[] = [], timeoutMs = 20_000): Promise<StartedChild> {
  const child = fork(entry, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
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
