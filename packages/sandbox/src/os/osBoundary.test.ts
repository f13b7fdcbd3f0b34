// The OS boundary on its own: host-realm code run inside the real bwrap + prlimit command line, with
// Node's permission model OFF, as if code had escaped both the vm context and the permission model.
// What is left must still keep it from the machine's files, the network, other processes and
// unbounded resources. Skipped only when SANDBOX_ALLOW_WEAK=1 runs the suite without bubblewrap.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { hostServerForSuite } from "../testing/hostServer.ts";
import { currentBoundary, launchCommand } from "./boundary.ts";
import { type OsLimits, osLimitsFor } from "./bubblewrap.ts";

const boundary = await currentBoundary();

function runEscaped(code: string, limits: Partial<OsLimits> = {}) {
  const launch = launchCommand(boundary, ["-e", code], { ...osLimitsFor(10_000, 64), ...limits });
  return new Promise<{ stdout: string; stderr: string; exit: number | string | null }>((done) => {
    const child = spawn(launch.command, launch.args, {
      env: { OPENROUTER_API_KEY: "canary-key" },
      uid: launch.uid,
      gid: launch.gid,
      cwd: "/",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    child.on("close", (code, signal) => done({ stdout: stdout.trim(), stderr, exit: code ?? signal }));
  });
}

/** Each line `label: <error code>` or `label: allowed <detail>`. */
const attempt = (label: string, body: string) =>
  `try { const r = (${body}); console.log(${JSON.stringify(label)} + ": allowed " + JSON.stringify(r)); } catch (e) { console.log(${JSON.stringify(label)} + ": " + (e.code || e.message)); }`;

/** What the sandbox's / should hold: the first folder of every bound path, and its /tmp. */
function topLevelDirs() {
  const binds = boundary.kind === "bubblewrap" ? boundary.plan.binds : [];
  return [...new Set([...binds.map((p) => p.split("/")[1]!), "tmp"])].sort().join(",");
}

describe.skipIf(boundary.kind !== "bubblewrap")("outside the vm and the permission model", () => {
  const canaryDir = mkdtempSync(join(tmpdir(), "sandbox-canary-"));
  const repoEnv = resolve(import.meta.dirname, "../../../../.env");

  it("sees none of the machine's files: /etc/shadow, the repo's .env, ~/.ssh, a secret in /tmp", async () => {
    writeFileSync(join(canaryDir, "secret.txt"), "canary");
    mkdirSync(join(canaryDir, ".ssh"));
    const fs = `require("fs")`;
    const { stdout } = await runEscaped(
      [
        attempt("shadow", `${fs}.readFileSync("/etc/shadow", "utf8")`),
        attempt("passwd", `${fs}.readFileSync("/etc/passwd", "utf8")`),
        attempt("env", `${fs}.readFileSync(${JSON.stringify(repoEnv)}, "utf8")`),
        attempt("ssh", `${fs}.readdirSync(${JSON.stringify(join(homedir(), ".ssh"))})`),
        attempt("canary", `${fs}.readFileSync(${JSON.stringify(join(canaryDir, "secret.txt"))}, "utf8")`),
        attempt("root", `${fs}.readdirSync("/").sort().join(",")`),
      ].join("\n"),
    );
    expect(stdout.split("\n")).toEqual([
      "shadow: ENOENT",
      "passwd: ENOENT",
      "env: ENOENT",
      "ssh: ENOENT",
      "canary: ENOENT",
      `root: allowed ${JSON.stringify(topLevelDirs())}`,
    ]);
  });

  it("writes nothing outside its private /tmp, and little inside it", async () => {
    const fs = `require("fs")`;
    const { stdout } = await runEscaped(
      [
        attempt("usr", `${fs}.writeFileSync("/usr/escape", "x")`),
        attempt("root", `${fs}.writeFileSync("/escape", "x")`),
        attempt("host tmp", `${fs}.writeFileSync(${JSON.stringify(join(canaryDir, "escape"))}, "x")`),
        attempt("small", `${fs}.writeFileSync("/tmp/small", "x")`),
        attempt("2 MB file", `${fs}.writeFileSync("/tmp/big", Buffer.alloc(2 << 20))`),
      ].join("\n"),
    );
    expect(stdout.split("\n")).toEqual([
      "usr: EROFS",
      "root: EROFS",
      "host tmp: ENOENT",
      "small: allowed undefined",
      "2 MB file: EFBIG",
    ]);
    expect(readdirSync(canaryDir)).not.toContain("escape");
  });

  describe("the network", () => {
    const host = hostServerForSuite();

    it("has none: TCP, HTTP, fetch, UDP and DNS all fail, and a server on the host sees nothing", async () => {
      const wait = (setup: string) =>
        `await new Promise((ok) => { try { ${setup} } catch (e) { ok(e.code || e.message); } })`;
      const { stdout } = await runEscaped(`(async () => {
        const lines = [];
        lines.push("tcp: " + ${wait(`require("net").connect(${host.port}, "127.0.0.1").on("connect", () => ok("connected")).on("error", (e) => ok(e.code));`)});
        lines.push("http: " + ${wait(`require("http").get("http://127.0.0.1:${host.port}/", () => ok("answered")).on("error", (e) => ok(e.code));`)});
        lines.push("fetch: " + await fetch("http://127.0.0.1:${host.port}/").then(() => "answered", (e) => e.cause?.code || e.message));
        lines.push("udp: " + ${wait(`const s = new (require("dgram").Socket)("udp4"); s.send("x", ${host.port}, "10.0.0.1", (e) => { s.close(); ok(e ? e.code : "sent"); });`)});
        lines.push("dns: " + ${wait(`require("dns").lookup("example.com", (e) => ok(e ? e.code : "resolved"));`)});
        lines.push("resolver: " + ${wait(`new (require("dns").Resolver)().resolve4("example.com", (e) => ok(e ? e.code : "resolved"));`)});
        console.log(lines.join("\\n"));
      })()`);
      expect(stdout.split("\n")).toEqual([
        "tcp: ECONNREFUSED",
        "http: ECONNREFUSED",
        "fetch: ECONNREFUSED",
        "udp: ENETUNREACH",
        "dns: EAI_AGAIN",
        "resolver: ECONNREFUSED",
      ]);
      expect(host.connections).toBe(0);
    });
  });

  it("runs as nobody, alone in its PID namespace, with no environment", async () => {
    const { stdout } = await runEscaped(
      `console.log(JSON.stringify({ uid: process.getuid(), gid: process.getgid(), pid: process.pid, host: require("os").hostname(), env: Object.keys(process.env).filter((k) => k !== "PWD") }))`,
    );
    expect(JSON.parse(stdout)).toEqual({ uid: 65534, gid: 65534, pid: 2, host: "sandbox", env: [] });
  });

  it("bounds a fork bomb by RLIMIT_NPROC: most forks fail, and the run still ends", async () => {
    const { stdout } = await runEscaped(
      `const { spawn } = require("child_process"); let started = 0, refused = 0;
       for (let i = 0; i < 200; i++) { try { spawn(process.execPath, ["-e", "setTimeout(() => {}, 3000)"]).on("error", () => refused++); started++; } catch { refused++; } }
       setTimeout(() => { console.log(JSON.stringify({ refused })); process.exit(0); }, 1000);`,
    );
    expect(JSON.parse(stdout).refused).toBeGreaterThan(150);
  });

  it("bounds memory by RLIMIT_DATA even with no watchdog: V8 runs out and the process ends", async () => {
    const { stdout, stderr, exit } = await runEscaped(
      `const kept = []; for (;;) { kept.push(Buffer.alloc(16 << 20, 1)); console.log(kept.length * 16); }`,
      { dataBytes: 256 << 20 },
    );
    expect(stderr).toMatch(/out of memory/);
    expect(exit).not.toBe(0);
    expect(Number(stdout.split("\n").at(-1))).toBeLessThan(256);
  });

  it("bounds CPU time by RLIMIT_CPU: a spin is killed by SIGXCPU", async () => {
    const { exit } = await runEscaped("for (;;) {}", { cpuSeconds: 1 });
    expect(exit).toBe(128 + 24);
  });
});
