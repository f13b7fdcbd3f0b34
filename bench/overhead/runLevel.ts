// One concurrency level: every block of every path in a fresh process of its own (isolatedBlock.ts),
// in rounds whose order rotates so drift and neighbours' noise hit every path alike, then its figures:
// what the router, Portkey and the A/A control ADD over the direct path of the same run, from
// unrounded percentiles so a 1 s upstream delay does not round the difference away. Also how many
// requests a level sends in each scenario: realistic (the upstream answers after a delay, so even
// 1000 in flight leave the CPU mostly idle) and, with --deep, saturation (it answers at once).
// bench:gateway runs its paths through runBlocks and reads them with modeFigures and addedOver.
import path from "node:path";
import { round, summarize } from "@switchyard/measure";
import { runChildForResult } from "../lib/childProcess.ts";
import type { CatalogSize, GatewayPeer, Mode } from "./loadClients.ts";

const entry = path.join(import.meta.dirname, "isolatedBlock.ts");

export type Scenario = "realistic" | "saturation";

export interface LevelOptions {
  modes: Mode[];
  upstreamUrl: string;
  portkey: { url: string; pid: number } | null;
  /** The Switchyard gateway, for bench:gateway's "gateway" path. */
  gateway?: GatewayPeer | null;
  delayMs: number;
  deep: boolean;
}

/** What a block's process is told (argv); `kept` measures the heap per waiting request instead. */
export interface BlockPlan extends Omit<LevelOptions, "modes"> {
  mode: Mode;
  concurrency: number;
  count: number;
  kept?: { requests: number; settleMs: number };
  /** The router path's catalog (default full). */
  catalog?: CatalogSize;
}

/** What a measured block records: each answer's latency, and the failures. */
export type Recorder = { latenciesMs: number[]; errors: number; firstError: string | null };

/** What it sends back: CPU of its process and of the peer's (Portkey, the gateway), GC pauses (--deep). */
export interface BlockResult extends Recorder {
  wallMs: number;
  cpuUs: number;
  peerCpuUs: number;
  gcPausesMs: number[] | null;
  /** Of those, the full (mark-compact) collections, whose cost grows with the live heap. */
  gcMajorPausesMs?: number[] | null;
}

const concurrencies = [1, 100, 1000] as const;
// Seconds of load per path [full, quick]; at 1000, 6 s per path left A/A runs 0.2–17 ms apart.
const realisticSeconds = { 1: [20, 4], 100: [20, 4], 1000: [30, 3] } as const;
const saturationRequests = { 1: [1_000, 200], 100: [5_000, 1_000], 1000: [5_000, 2_000] } as const;

export function levelSizes(scenario: Scenario, quick: boolean, delayMs: number) {
  const pick = quick ? 1 : 0;
  // A closed loop of N workers completes about N / delay requests per second.
  return concurrencies.map((c) => ({
    concurrency: c,
    requests:
      scenario === "saturation"
        ? saturationRequests[c][pick]
        : Math.max(5, Math.round((realisticSeconds[c][pick] * c * 1000) / delayMs)),
    rounds: quick ? 1 : 3,
  }));
}

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function modeFigures(blocks: BlockResult[]) {
  const sum = (pick: (b: BlockResult) => number) => sumOf(blocks.map(pick));
  const latencies = blocks.flatMap((b) => b.latenciesMs);
  const s = summarize(latencies);
  const errors = sum((b) => b.errors);
  const done = latencies.length + errors;
  const pauses = blocks[0]!.gcPausesMs && blocks.flatMap((b) => b.gcPausesMs ?? []);
  return {
    requests: done,
    errors,
    first_error: blocks.find((b) => b.firstError)?.firstError ?? null,
    p50_ms: round(s.p50, 3),
    p99_ms: round(s.p99, 3),
    exact: { p50: s.p50, p99: s.p99 },
    throughput_rps: Math.round(latencies.length / (sum((b) => b.wallMs) / 1000)),
    /** The sending process (client, plus the router in-process); the peer's own process (Portkey). */
    cpu_us_per_request: round(sum((b) => b.cpuUs) / done, 1),
    peer_cpu_us_per_request: round(sum((b) => b.peerCpuUs) / done, 1),
    /** Pauses of the sending process during its blocks (--deep only). */
    gc_pauses: pauses && {
      count: pauses.length,
      total_ms: round(sumOf(pauses), 1),
      max_ms: round(Math.max(0, ...pauses), 1),
    },
  };
}

export type ModeFigures = ReturnType<typeof modeFigures>;
export type PathFigures = ModeFigures & {
  added_p50_ms: number;
  added_p99_ms: number;
  /** All CPU per request beyond the direct path's, this process's and the peer's. */
  added_cpu_us_per_request: number;
};

export interface LevelFigures {
  concurrency: number;
  direct: ModeFigures;
  /** The direct path again as a path of its own (A/A): its added figures are the run's noise. */
  control: PathFigures | null;
  router: PathFigures;
  portkey: PathFigures | null;
}

/** A path's figures and what it adds over the direct path of the same level; null when it did not run. */
export function addedOver(direct: ModeFigures, blocks: BlockResult[] | undefined): PathFigures | null {
  const m = blocks && modeFigures(blocks);
  if (!m) return null;
  const cpu = m.cpu_us_per_request + m.peer_cpu_us_per_request - direct.cpu_us_per_request;
  return {
    ...m,
    added_p50_ms: round(m.exact.p50 - direct.exact.p50, 3),
    added_p99_ms: round(m.exact.p99 - direct.exact.p99, 3),
    added_cpu_us_per_request: round(cpu, 1),
  };
}

function figuresFor(concurrency: number, blocks: Blocks): LevelFigures {
  const direct = modeFigures(blocks.direct!);
  const added = (mode: Mode) => addedOver(direct, blocks[mode]);
  const [control, router, portkey] = [added("control"), added("router")!, added("portkey")];
  return { concurrency, direct, control, router, portkey };
}

const runBlockProcess = <T>(plan: BlockPlan) => runChildForResult<T>(entry, [JSON.stringify(plan)]);

/** Each path's blocks at one level. */
export type Blocks = Partial<Record<Mode, BlockResult[]>>;

export async function runBlocks(
  { modes, ...o }: LevelOptions,
  size: ReturnType<typeof levelSizes>[number],
): Promise<Blocks> {
  const blocks: Blocks = {};
  const count = Math.round(size.requests / size.rounds);
  for (let pass = 0; pass < size.rounds; pass++) {
    for (let i = 0; i < modes.length; i++) {
      const mode = modes[(i + pass) % modes.length]!;
      const portkey = mode === "portkey" ? o.portkey : null;
      const gateway = mode === "gateway" ? (o.gateway ?? null) : null;
      const plan = { ...o, portkey, gateway, mode, concurrency: size.concurrency, count };
      blocks[mode] = [...(blocks[mode] ?? []), await runBlockProcess<BlockResult>(plan)];
    }
  }
  return blocks;
}

export async function runLevel(
  options: LevelOptions,
  size: ReturnType<typeof levelSizes>[number],
): Promise<LevelFigures> {
  return figuresFor(size.concurrency, await runBlocks(options, size));
}

/** Heap kept alive per waiting request with 1000 in flight, read well before the first answers. */
export function keptBytes({ modes: _, ...o }: LevelOptions, mode: Mode, jitter: number): Promise<number> {
  const kept = { requests: 1000, settleMs: Math.min(300, (o.delayMs * (1 - jitter)) / 2) };
  const plan = { ...o, portkey: null, gateway: null, mode, concurrency: 1000, count: 0, kept };
  return runBlockProcess<number>(plan);
}
