// Starts the Portkey AI gateway (npm @portkey-ai/gateway) as a separate process on a free loopback
// port, the way its README runs it (`--port=N --headless`), and waits until it answers.
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freePort, stopChild, waitForHttp } from "../lib/childProcess.ts";

export type PortkeyGateway = Awaited<ReturnType<typeof startPortkey>>;

export async function startPortkey(timeoutMs = 30_000) {
  const port = await freePort();
  const pkg = createRequire(import.meta.url).resolve("@portkey-ai/gateway/package.json");
  const preload = pathToFileURL(path.join(import.meta.dirname, "portkeyLoopbackOnly.ts")).href;
  const child = fork(
    path.join(path.dirname(pkg), "build/start-server.js"),
    [`--port=${port}`, "--headless"],
    {
      execArgv: [...process.execArgv, "--import", preload],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const state = await waitForHttp(`${url}/`, child, timeoutMs, 100);
  if (state !== "ready") {
    await stop();
    throw new Error(
      `Portkey gateway ${state === "exited" ? `exited with code ${child.exitCode}` : "did not start in time"}`,
    );
  }
  return { url, pid: child.pid!, stop };
}
