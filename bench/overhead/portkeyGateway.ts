// Starts the Portkey AI gateway (npm @portkey-ai/gateway) as a separate process on a free loopback
// port, the way its README runs it (`--port=N --headless`), and waits until it answers.
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface PortkeyGateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Portkey gateway exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("Portkey gateway did not start in time");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, stop };
}
