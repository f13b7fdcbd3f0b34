// Builds the images app when no build exists, then runs `next start` on a free port with a fresh
// embedded database and storage folder, pointed at the given provider.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, stopChild, waitForHttp } from "../lib/childProcess.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const appDir = path.join(repoRoot, "apps/images");

export interface ImagesApp {
  url: string;
  pid: number;
  workDir: string;
  stop(): Promise<void>;
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

export async function startImagesApp(
  providerUrl: string,
  env: Record<string, string> = {},
): Promise<ImagesApp> {
  const port = await freePort();
  const workDir = mkdtempSync(path.join(tmpdir(), "switchyard-stress-"));
  const nextBin = path.join(appDir, "node_modules/next/dist/bin/next");
  const log = createWriteStream(path.join(workDir, "app.log"));
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
        // Failed requests are logged at warn, successful ones at info (too many lines for 1000).
        SWITCHYARD_LOG_LEVEL: "warn",
        ...env,
      },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  // The database and the images are scratch: removed once the app has exited.
  const stop = () => stopChild(child).then(() => rmSync(workDir, { recursive: true, force: true }));
  const state = await waitForHttp(`${url}/api/health`, child, 90_000, 250);
  if (state === "exited") throw new Error(`next start exited early; its log: ${workDir}/app.log`);
  if (state === "timeout") {
    void stopChild(child);
    throw new Error(`the images app did not become healthy; its log: ${workDir}/app.log`);
  }
  return { url, pid: child.pid!, workDir, stop };
}
