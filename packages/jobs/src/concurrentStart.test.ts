// Two processes starting pg-boss at once on a fresh database (both apps under `npm run dev`, on the
// embedded database served over the wire): both install-or-migrate steps end well and both can work.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type PgliteServer, startPgliteServer } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = path.resolve(import.meta.dirname, "..");

function startWorker(url: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/testing/workerProcess.ts", "finish"], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = new Promise<string>((resolve) => {
    let out = "";
    const collect = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready")) resolve("ready");
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("exit", (code) => resolve(`exited ${code}: ${out.slice(-500)}`));
  });
  return { child, ready };
}

describe("two processes starting the job queue at once", () => {
  let server: PgliteServer;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    server = await startPgliteServer({ dataDir: "memory://" });
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await server.close();
  });

  it("both start on a fresh database", async () => {
    const a = startWorker(server.url);
    const b = startWorker(server.url);
    children.push(a.child, b.child);
    expect(await Promise.all([a.ready, b.ready])).toEqual(["ready", "ready"]);
  }, 90_000);
});
