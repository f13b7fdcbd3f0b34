import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("the start command", () => {
  it("prints its URL, serves, and exits cleanly on SIGTERM", async () => {
    const child = spawn("node_modules/.bin/tsx", ["src/cli.ts"], {
      cwd: packageDir,
      env: { ...process.env, LOCAL_PROVIDER_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      child.stdout.setEncoding("utf8");
      while (!/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        const [chunk] = (await once(child.stdout, "data")) as [string];
        out += chunk;
      }
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+/)![0];
      expect((await fetch(`${url}/health`).then((r) => r.json())).ok).toBe(true);
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
});
