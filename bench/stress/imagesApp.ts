// Builds the images app when no build exists, then runs `next start` on a port (free unless given)
// pointed at the given provider: by default with a fresh embedded database and storage folder of its
// own; the kill run gives two instances one DATABASE_URL and one storage folder instead.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, stopChild, waitForHttp } from "../lib/childProcess.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const appDir = path.join(repoRoot, "apps/images");

/** Signs the stress user's session; any fixed 32+ characters will do, never a real secret. */
const STRESS_AUTH_SECRET = "switchyard-stress-only-not-a-secret-0123456789";

export interface ImagesApp {
  url: string;
  port: number;
  pid: number;
  workDir: string;
  /** SIGTERM, then removes the scratch folder unless the caller owns it. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-work, as in a crash; its scratch folder stays. */
  kill(): Promise<void>;
}

export interface ImagesAppOptions {
  env?: Record<string, string>;
  port?: number;
  /** A folder the caller owns (kept on stop): the app's log goes to `<workDir>/<logName>`. */
  workDir?: string;
  logName?: string;
}

export function ensureBuilt(): void {
  if (existsSync(path.join(appDir, ".next/BUILD_ID"))) return;
  console.log("Building the images app (no build found)...");
  const built = spawnSync("pnpm", ["--filter", "@switchyard/images", "build"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (built.status !== 0) throw new Error("building apps/images failed");
}

export async function startImagesApp(providerUrl: string, opts: ImagesAppOptions = {}): Promise<ImagesApp> {
  const port = opts.port ?? (await freePort());
  const ownsWorkDir = opts.workDir === undefined;
  const workDir = opts.workDir ?? mkdtempSync(path.join(tmpdir(), "switchyard-stress-"));
  const logFile = path.join(workDir, opts.logName ?? "app.log");
  const nextBin = path.join(appDir, "node_modules/next/dist/bin/next");
  const log = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: appDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOCAL_PROVIDER_URL: providerUrl,
        SWITCHYARD_DATA_DIR: path.join(workDir, "pglite"),
        STORAGE_DIR: path.join(workDir, "images"),
        DATABASE_URL: "",
        OPENROUTER_API_KEY: "",
        OPENAI_API_KEY: "",
        // One signed-up user sends every request: no per-user or per-address limit, no daily budget
        // short of 1000 images ($0.04 each on the local provider).
        BETTER_AUTH_SECRET: STRESS_AUTH_SECRET,
        BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
        SWITCHYARD_RATE_GENERATE_PER_USER: "0",
        SWITCHYARD_RATE_GENERATE_PER_IP: "0",
        SWITCHYARD_RATE_AUTH_PER_IP: "0",
        SWITCHYARD_USER_DAILY_USD: "10000",
        SWITCHYARD_APP_DAILY_USD: "10000",
        // Failed requests are logged at warn, successful ones at info (too many lines for 1000).
        SWITCHYARD_LOG_LEVEL: "warn",
        ...opts.env,
      },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    if (ownsWorkDir) rmSync(workDir, { recursive: true, force: true });
  };
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  const state = await waitForHttp(`${url}/api/health`, child, 90_000, 250);
  if (state === "exited") throw new Error(`next start exited early; its log: ${logFile}`);
  if (state === "timeout") {
    void stopChild(child);
    throw new Error(`the images app did not become healthy; its log: ${logFile}`);
  }
  return { url, port, pid: child.pid!, workDir, stop, kill };
}
