// Starts the Portkey AI gateway (npm @portkey-ai/gateway) as a separate process on a free loopback
// port, the way its README runs it (`--port=N --headless`), and waits until it answers.
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { freePort, stopChild, waitForHttp } from "../lib/childProcess.ts";

export interface PortkeyGateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function gatewayEntry(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@portkey-ai/gateway/package.json");
  return path.join(path.dirname(pkg), "build/start-server.js");
}

export async function startPortkey(timeoutMs = 30_000): Promise<PortkeyGateway> {
  const port = await freePort();
  const preload = pathToFileURL(path.join(here, "portkeyLoopbackOnly.ts")).href;
  const child = fork(gatewayEntry(), [`--port=${port}`, "--headless"], {
    execArgv: [...process.execArgv, "--import", preload],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const state = await waitForHttp(`${url}/`, child, timeoutMs, 100);
  if (state === "exited") throw new Error(`Portkey gateway exited with code ${child.exitCode}`);
  if (state === "timeout") {
    await stop();
    throw new Error("Portkey gateway did not start in time");
  }
  return { url, pid: child.pid!, stop };
}
