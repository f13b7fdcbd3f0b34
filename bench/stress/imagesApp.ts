// Builds the images app when no build exists, then runs `next start` on a free port with a fresh
// embedded database and storage folder, pointed at the given provider.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }).then(() => rmSync(workDir, { recursive: true, force: true }));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early; its log: ${workDir}/app.log`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the images app did not become healthy; its log: ${workDir}/app.log`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, workDir, stop };
}
