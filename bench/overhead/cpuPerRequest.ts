// pnpm --filter @switchyard/bench exec tsx overhead/cpuPerRequest.ts [--requests=N] [--concurrency=N]
//   [--upstream-ms=N] [--rounds=N] [--profile]
// What one request costs the router with its seven hand-configured models and with the full catalog
// (~700), beside the direct path: a microbenchmark for finding what a request costs, not the overhead
// report. Per path: CPU per request (process.cpuUsage) and GC pauses under N concurrent, in blocks of
// the overhead benchmark's own (isolatedBlock.ts, a fresh process each, the order rotating each round);
// then bytes allocated per request and the live heap (allocationBlock.ts), which, unlike CPU time, do
// not move with a shared machine's load. --profile writes a V8 CPU profile of one router block per
// catalog to <tmp>/switchyard-overhead-profiles/<catalog>/, one file a thread (the biggest is the main thread), and
// a sampling heap profile of each router's allocation block, garbage included, as
// router-<catalog>.heapprofile beside them (open either in Chrome DevTools or speedscope).
// Prints a table; writes no report.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { round } from "@switchyard/measure";
import { z } from "zod";
import { runChildForResult, startChild } from "../lib/childProcess.ts";
import { parseFlags } from "../lib/cliFlags.ts";
import type { AllocationPlan, AllocationResult } from "./allocationBlock.ts";
import type { CatalogSize, Mode } from "./loadClients.ts";
import type { BlockPlan, BlockResult } from "./runLevel.ts";

const flags = parseFlags(
  z.object({
    requests: z.coerce.number().int().min(100).default(20_000),
    concurrency: z.coerce.number().int().min(1).max(5_000).default(1000),
    "upstream-ms": z.coerce.number().int().min(0).max(10_000).default(500),
    rounds: z.coerce.number().int().min(1).max(10).default(3),
    profile: z.boolean().default(false),
  }),
  {
    requests: { type: "string" },
    concurrency: { type: "string" },
    "upstream-ms": { type: "string" },
    rounds: { type: "string" },
    profile: { type: "boolean" },
  },
);

const here = import.meta.dirname;
const paths: { name: string; mode: Mode; catalog: CatalogSize }[] = [
  { name: "direct", mode: "direct", catalog: "full" },
  { name: "router, seven models", mode: "router", catalog: "seven" },
  { name: "router, full catalog", mode: "router", catalog: "full" },
];
// Profiles are scratch, not results: kept out of the repository.
const profileDir = path.join(tmpdir(), "switchyard-overhead-profiles");
// A young generation big enough that a batch of requests fits between two collections.
const allocationFlags = ["--min-semi-space-size=64", "--max-semi-space-size=64"];

async function loadBlock(p: (typeof paths)[number], upstreamUrl: string, profiled: boolean) {
  const plan: BlockPlan = {
    mode: p.mode,
    catalog: p.catalog,
    upstreamUrl,
    portkey: null,
    delayMs: flags["upstream-ms"],
    deep: true,
    concurrency: flags.concurrency,
    count: flags.requests,
  };
  const nodeFlags = profiled ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, p.catalog)}`] : [];
  return runChildForResult<BlockResult>(
    path.join(here, "isolatedBlock.ts"),
    [JSON.stringify(plan)],
    nodeFlags,
  );
}

const blocks = new Map<string, BlockResult[]>();
const allocations = new Map<string, AllocationResult>();
const upstream = await startChild(path.join(here, "fixedUpstream.ts"), [String(flags["upstream-ms"]), "0.1"]);
try {
  for (let round = 0; round < flags.rounds; round++) {
    for (let i = 0; i < paths.length; i++) {
      const p = paths[(i + round) % paths.length]!;
      const profiled = flags.profile && round === 0 && p.mode === "router";
      blocks.set(p.name, [...(blocks.get(p.name) ?? []), await loadBlock(p, upstream.url, profiled)]);
    }
  }
} finally {
  await upstream.stop();
}
// Allocation is read one request at a time, so against an upstream that answers at once.
const instant = await startChild(path.join(here, "fixedUpstream.ts"), ["0", "0"]);
try {
  for (const p of paths) {
    const plan: AllocationPlan = { mode: p.mode, catalog: p.catalog, upstreamUrl: instant.url };
    if (flags.profile && p.mode === "router") {
      mkdirSync(profileDir, { recursive: true });
      plan.heapProfile = path.join(profileDir, `router-${p.catalog}.heapprofile`);
    }
    const entry = path.join(here, "allocationBlock.ts");
    allocations.set(p.name, await runChildForResult(entry, [JSON.stringify(plan)], allocationFlags));
  }
} finally {
  await instant.stop();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const perRequest = (name: string, pick: (b: BlockResult) => number) => {
  const list = blocks.get(name) ?? [];
  return sum(list.map(pick)) / Math.max(sum(list.map((b) => b.latenciesMs.length + b.errors)), 1);
};
const directCpu = perRequest("direct", (b) => b.cpuUs);
const directBytes = allocations.get("direct")!.bytesPerRequest;
const rows = paths.map(({ name }) => {
  const cpu = perRequest(name, (b) => b.cpuUs);
  const bytes = allocations.get(name)!;
  return {
    path: name,
    "CPU µs/req": round(cpu, 1),
    "added CPU µs/req": name === "direct" ? null : round(cpu - directCpu, 1),
    "GC ms/1k req": round(perRequest(name, (b) => sum(b.gcPausesMs ?? [])) * 1000, 1),
    "full GCs/1k req": round(perRequest(name, (b) => (b.gcMajorPausesMs ?? []).length) * 1000, 2),
    "B allocated/req": bytes.bytesPerRequest,
    "added B/req": name === "direct" ? null : bytes.bytesPerRequest - directBytes,
    "live heap MB": round(bytes.liveHeapBytes / 1e6, 2),
    errors: sum((blocks.get(name) ?? []).map((b) => b.errors)),
  };
});
console.log(
  `${flags.rounds} × ${flags.requests} requests a path, ${flags.concurrency} concurrent, upstream ${flags["upstream-ms"]} ms ± 10%`,
);
console.table(rows);
if (flags.profile) console.log(`profiles: ${profileDir}`);
