// Escape attempts by code under test, through runInSandbox as the todo app calls it: reading and
// writing files, sockets of every kind, child processes and workers, and climbing out of the vm
// context to the host's process. Each is stopped (with its reason) and no failing test passes.
// The layers beneath the vm context are tested on their own in runner/hostGuard.test.ts and
// os/osBoundary.test.ts.
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, type Server } from "node:net";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInSandbox } from "./runInSandbox.ts";
import type { StopReason } from "./sandboxTypes.ts";

function attempt(body: string) {
  return runInSandbox({
    files: { "escape.test.ts": `test("escapes", async () => { ${body}; expect(1).toBe(2); });` },
    tests: ["escape.test.ts"],
    limits: { timeoutMs: 5_000, testTimeoutMs: 1_000, memoryMb: 64 },
  });
}

async function expectStopped(body: string, reason: StopReason) {
  const result = await attempt(body);
  expect(result.stopped?.reason).toBe(reason);
  expect(result.ok).toBe(false);
  expect(result.tests.every((t) => t.status === "failed")).toBe(true);
  return result;
}

describe("files", () => {
  const repoEnv = resolve(import.meta.dirname, "../../../.env");
  it.each([
    ["/etc/shadow", `require("fs").readFileSync("/etc/shadow", "utf8")`],
    ["the repo's .env", `require("node:fs").readFileSync(${JSON.stringify(repoEnv)}, "utf8")`],
    ["~/.ssh", `require("fs").readdirSync(${JSON.stringify(join(homedir(), ".ssh"))})`],
    ["fs/promises", `await require("fs/promises").readFile("/etc/hostname")`],
    ["a write outside", `require("fs").writeFileSync("/tmp/sandbox-escape", "x")`],
    ["a sub-path import", `require("node:fs/promises")`],
  ])("reading or writing %s is stopped with fs_denied", async (_what, body) => {
    await expectStopped(body, "fs_denied");
  });
});

describe("sockets", () => {
  let server: Server;
  let udp: UdpSocket;
  let port = 0;
  let udpPort = 0;
  let reached = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      reached++;
      socket.end("hello");
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    port = (server.address() as { port: number }).port;
    udp = createSocket("udp4").on("message", () => reached++);
    await new Promise<void>((ready) => udp.bind(0, "127.0.0.1", ready));
    udpPort = udp.address().port;
  });
  afterAll(async () => {
    udp.close();
    await new Promise<void>((closed) => server.close(() => closed()));
    expect(reached).toBe(0);
  });

  it.each([
    ["net", () => `require("net").connect(${port}, "127.0.0.1")`],
    ["http", () => `require("http").get("http://127.0.0.1:${port}/")`],
    ["https", () => `require("https").get("https://127.0.0.1:${port}/")`],
    ["http2", () => `require("http2").connect("http://127.0.0.1:${port}")`],
    ["tls", () => `require("tls").connect(${port}, "127.0.0.1")`],
    ["fetch", () => `await fetch("http://127.0.0.1:${port}/")`],
    ["WebSocket", () => `new WebSocket("ws://127.0.0.1:${port}/")`],
    ["XMLHttpRequest", () => `new XMLHttpRequest()`],
    ["undici", () => `require("undici").request("http://127.0.0.1:${port}/")`],
    ["dgram.createSocket", () => `require("dgram").createSocket("udp4").send("x", ${udpPort}, "127.0.0.1")`],
    ["new dgram.Socket()", () => `new (require("dgram").Socket)("udp4").send("x", ${udpPort}, "127.0.0.1")`],
    ["dns.Resolver", () => `new (require("dns").Resolver)().resolve4("localhost", () => {})`],
    ["dns.lookup", () => `require("dns").lookup("localhost", () => {})`],
    ["dns/promises", () => `await require("dns/promises").lookup("localhost")`],
  ])("%s is stopped with network_denied, and nothing reaches the host", async (_what, body) => {
    await expectStopped(body(), "network_denied");
  });
});

describe("processes", () => {
  it.each([
    ["child_process.execSync", `require("child_process").execSync("id")`],
    ["child_process.spawn", `require("node:child_process").spawn("sh", ["-c", "id"])`],
    ["a worker", `new (require("worker_threads").Worker)("process.exit(1)", { eval: true })`],
    ["cluster.fork", `require("cluster").fork()`],
    ["a fork bomb", `for (;;) require("child_process").fork("x")`],
  ])("%s is stopped with spawn_denied", async (_what, body) => {
    await expectStopped(body, "spawn_denied");
  });
});

describe("climbing out of the vm context", () => {
  it.each([
    ["the global process", `(globalThis as any).process.binding("fs")`],
    ["require('process')", `require("process").binding("tcp_wrap")`],
    ["require('module')", `require("module").createRequire("/")("fs")`],
    ["require('v8') and require('vm')", `require("v8"); require("vm")`],
    [
      "the Function constructor",
      `(globalThis as any).constructor.constructor("return process")().binding("fs")`,
    ],
    ["eval", `(0, eval)("process")`],
    ["a harness function's constructor", `(expect as any).constructor("return process")()`],
    [
      "host frames through Error.prepareStackTrace",
      `(Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames.map((f) => f.getThis?.());
       const seen = (new Error().stack as any).filter((t: any) => t && typeof t === "object" && "process" in t);
       if (!seen.length) throw new Error("no host object in any frame");
       seen[0].process.binding("fs")`,
    ],
    [
      "WebAssembly compiled at run time",
      `new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))`,
    ],
  ])("%s is not there, so the test fails and nothing ran outside", async (_what, body) => {
    const result = await attempt(body);
    expect(result.ok).toBe(false);
    expect(result.tests).toHaveLength(1);
    expect(result.tests[0]).toMatchObject({ name: "escapes", status: "failed" });
    // The attempt threw before `expect(1).toBe(2)`: no host object was reached.
    expect(result.tests[0]!.error).not.toMatch(/expected 1 to be 2/);
  });
});
