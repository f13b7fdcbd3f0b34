// The layers under the vm context, tested on their own: if user code ever escaped the context into
// the child's host realm, the permission model and the network guard must still stop it.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { sandboxNodeFlags } from "../nodeFlags.ts";
import { HOST_GUARD } from "./hostGuard.ts";

function runInHostRealm(code: string) {
  const out = spawnSync(process.execPath, [...sandboxNodeFlags(64), "-e", `${HOST_GUARD}\n${code}`], {
    env: {},
    encoding: "utf8",
    timeout: 10_000,
  });
  return out.stdout.trim();
}

const attempt = (label: string, body: string) =>
  `try { ${body}; console.log("${label}: allowed"); } catch (e) { console.log("${label}: " + (e.code || e.message)); }`;

describe("outer layers", () => {
  it("the permission model refuses file reads, writes, child processes and workers", () => {
    const out = runInHostRealm(
      [
        attempt("read", `require("fs").readFileSync("/etc/passwd")`),
        attempt("write", `require("fs").writeFileSync("/tmp/sandbox-escape", "x")`),
        attempt("spawn", `require("child_process").spawnSync("id")`),
        attempt("worker", `new (require("worker_threads").Worker)("1", { eval: true })`),
        attempt("binding", `process.binding("tcp_wrap")`),
      ].join("\n"),
    );
    expect(out.split("\n")).toEqual([
      "read: ERR_ACCESS_DENIED",
      "write: ERR_ACCESS_DENIED",
      "spawn: ERR_ACCESS_DENIED",
      "worker: ERR_ACCESS_DENIED",
      "binding: ERR_ACCESS_DENIED",
    ]);
  });

  it("the network guard refuses sockets of every kind, http, dns and fetch; nothing reaches a listening server", async () => {
    let connections = 0;
    const server = createServer((s) => {
      connections++;
      s.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    // spawnSync would block the server's event loop; a refused connect never needs it anyway.
    const out = runInHostRealm(
      [
        attempt("net", `require("net").connect(${port}, "127.0.0.1")`),
        attempt("socket", `new (require("net").Socket)().connect(${port}, "127.0.0.1")`),
        attempt("http", `require("http").get("http://127.0.0.1:${port}/")`),
        attempt("dgram", `require("dgram").createSocket("udp4")`),
        attempt("new dgram.Socket", `new (require("dgram").Socket)("udp4")`),
        attempt("tls", `require("tls").connect(${port}, "127.0.0.1")`),
        attempt("http2", `require("http2").connect("http://127.0.0.1:${port}")`),
        attempt("dns", `require("dns").lookup("localhost", () => {})`),
        attempt("dns.Resolver", `new (require("dns").Resolver)()`),
        attempt("dns.promises.Resolver", `new (require("dns").promises.Resolver)()`),
        attempt("dns/promises", `require("dns/promises").resolve4("localhost")`),
        attempt("fetch", `fetch("http://127.0.0.1:${port}/")`),
      ].join("\n"),
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const results = out.split("\n").map((l) => l.split(": "));
    expect(results.filter(([, r]) => r !== "SANDBOX_NETWORK_DENIED")).toEqual([]);
    expect(results).toHaveLength(12);
    expect(connections).toBe(0);
  });
});
