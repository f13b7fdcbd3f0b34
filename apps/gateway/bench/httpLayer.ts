// pnpm --filter @switchyard/gateway bench:http [seconds] [concurrency]: plain node:http against Hono on
// @hono/node-server, each serving the router's same handler in a process of its own, saturated by
// `concurrency` requests in flight against an upstream that answers at once. Prints requests/s, p50
// and p99 and the server's CPU per request, five rounds each, alternating; the same layers with a
// fixed answer instead of the router show what the layer alone costs.
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { percentile } from "@switchyard/measure";
import { Pool } from "undici";

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 64);
const here = import.meta.dirname;

function start(entry: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(here, entry), args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${code}`)));
    child.once("message", (m) => resolve({ child, url: (m as { url: string }).url }));
  });
}

/** User + system CPU of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const body = JSON.stringify({
  model: "bench/fixed",
  messages: [{ role: "user", content: "Say hello in one short sentence." }],
  max_tokens: 16,
});

async function load(url: string, pid: number) {
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const cpuBefore = cpuMs(pid);
  const end = performance.now() + seconds * 1000;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await pool.request({
          path: "/v1/chat/completions",
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await res.body.text();
        if (res.statusCode !== 200) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const cpu = cpuMs(pid) - cpuBefore;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
    cpuUsPerReq: Math.round((cpu * 1000) / latencies.length),
    failed,
  };
}

const upstream = await start("instantUpstream.ts", []);
const servers = {
  "node+router": await start("httpLayerServer.ts", ["node", upstream.url]),
  "hono+router": await start("httpLayerServer.ts", ["hono", upstream.url]),
  "node+static": await start("httpLayerServer.ts", ["node", upstream.url, "static"]),
  "hono+static": await start("httpLayerServer.ts", ["hono", upstream.url, "static"]),
};
for (const s of Object.values(servers)) await load(s.url, s.child.pid as number); // warm-up
for (let round = 1; round <= 5; round++) {
  for (const [name, s] of Object.entries(servers)) {
    console.log(round, name.padEnd(12), JSON.stringify(await load(s.url, s.child.pid as number)));
  }
}
for (const c of [upstream.child, ...Object.values(servers).map((s) => s.child)]) c.kill();
