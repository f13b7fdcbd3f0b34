// Sends every route its hostile inputs one at a time and records what came back: the status histogram,
// any 5xx, error bodies that are off-shape or leak internals, rows a rejected request wrote, another
// user's id answered, and the slowest 4xx. The property holds when every one of those lists is empty.
import fc from "fast-check";
import {
  describeInput,
  type FuzzInput,
  type FuzzRoute,
  fillPath,
  fuzzInput,
  knownOffenders,
  type ParamChoice,
  toRequest,
} from "./hostileRequests.ts";

export interface FuzzSession {
  cookie?: string;
  headers?: Record<string, string>;
}

export interface FuzzWorld {
  origin: string;
  /** By name: "anonymous" (no cookie), "member", "other" (a second user), "admin"… */
  sessions: Record<string, FuzzSession>;
  /** A row of `kind` the session owns and one another user owns, for path params. */
  ids?(kind: string, session: string): Promise<{ own?: string; foreign?: string }>;
  /** Rows per table of the test database. */
  rowCounts?(): Promise<Record<string, number>>;
  /** Waits for work a successful request left running (ledger flushes, builds). */
  settle?(): Promise<void>;
  /** Tables a rejected request may write by design (the rate limiter's counters): reported apart. */
  byDesignTables?: readonly string[];
}

/** Anything with zod's safeParse: wire's errorBodySchema. */
export interface ErrorSchema {
  safeParse(value: unknown): { success: boolean };
}

export type FailureKind = "5xx" | "hang" | "errorBody" | "leak" | "rowsOnRejection" | "foreignId";

export interface Failure {
  count: number;
  first: { input: Record<string, unknown>; status: number; detail: string };
}

export interface RouteReport {
  route: string;
  inputs: number;
  statuses: Record<string, number>;
  status5xx: number;
  rowsWrittenOnRejection: number;
  /** Rejections that wrote only to byDesignTables (a counted request's rate-limit row). */
  byDesignRowsOnRejection: number;
  slowest4xxMs: number;
  failures: Partial<Record<FailureKind, Failure>>;
}

// Stack frames, Postgres errors, secrets: none belongs in a body a client reads.
const LEAKS: [string, RegExp][] = [
  ["stack trace", /\n\s+at .+[:(]|node_modules|\.[cm]?[jt]sx?:\d+:\d+/],
  [
    "SQL",
    /syntax error at or near|relation "[^"]+"|violates [a-z ]*constraint|duplicate key value|\bINSERT INTO\b|\bSELECT\b[^"]{0,200}\bFROM\b/,
  ],
  ["secret", /sk-or-v1-[\w-]{12,}|sk-[A-Za-z0-9]{24,}|BETTER_AUTH_SECRET|test-secret-test-secret/],
];

const FALLBACK_ID = "00000000-0000-4000-8000-000000000000";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const same = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);

/** Row counts once two looks 25 ms apart agree (at most 3 s): background writes have landed. */
async function quietCounts(world: FuzzWorld): Promise<Record<string, number>> {
  await world.settle?.();
  let last = (await world.rowCounts?.()) ?? {};
  for (let waited = 0; waited < 3_000; waited += 25) {
    await sleep(25);
    const now = (await world.rowCounts?.()) ?? {};
    if (same(last, now)) return now;
    last = now;
  }
  return last;
}

function record(report: RouteReport, kind: FailureKind, first: Failure["first"]): void {
  const existing = report.failures[kind];
  if (existing) existing.count++;
  else report.failures[kind] = { count: 1, first };
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  errorSchema: ErrorSchema;
  /** A response (body included) slower than this is a hang: the request is aborted and reported. */
  timeoutMs?: number;
}

/** Fuzzes one route with `runs` inputs drawn from `seed`. */
export async function fuzzRoute(
  route: FuzzRoute,
  world: FuzzWorld,
  options: FuzzOptions,
): Promise<RouteReport> {
  const report: RouteReport = {
    route: route.name,
    inputs: 0,
    statuses: {},
    status5xx: 0,
    rowsWrittenOnRejection: 0,
    byDesignRowsOnRejection: 0,
    slowest4xxMs: 0,
    failures: {},
  };
  const byDesign = new Set(world.byDesignTables ?? []);
  let before: Record<string, number> | undefined;

  const sendOne = async (input: FuzzInput) => {
    const session = world.sessions[input.session] ?? {};
    const params: Record<string, string> = {};
    let foreign = false;
    for (const [name, choice] of Object.entries(input.params) as [string, ParamChoice][]) {
      if ("raw" in choice) params[name] = choice.raw;
      else {
        const ids = (await world.ids?.(route.params?.[name] ?? name, input.session)) ?? {};
        before = undefined; // ids() may have made the row it names: count again
        params[name] = ids[choice.pick] ?? FALLBACK_ID;
        foreign ||= choice.pick === "foreign" && ids.foreign !== undefined && input.session !== "anonymous";
      }
    }
    const shown = describeInput(input, params);
    let request: Request;
    const abort = new AbortController();
    try {
      request = toRequest(
        world.origin,
        fillPath(route.path, params),
        input,
        session,
        route.headers,
        abort.signal,
      );
    } catch {
      return; // not a request any client could send (fetch refuses it): nothing to learn
    }
    before ??= await quietCounts(world);
    report.inputs++;
    const started = performance.now();
    let status: number;
    let text: string;
    const timeoutMs = options.timeoutMs ?? 20_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<"hang">((resolve) => {
      timer = setTimeout(() => resolve("hang"), timeoutMs);
    });
    try {
      const answered = (async () => {
        const res = await route.handler(request, { params: Promise.resolve(params) });
        return { status: res.status, text: await res.text() };
      })();
      const outcome = await Promise.race([answered, hung]);
      if (outcome === "hang") {
        abort.abort();
        answered.catch(() => {});
        status = 0;
        text = `no answer in ${timeoutMs} ms`;
      } else ({ status, text } = outcome);
    } catch (error) {
      // Next answers a handler that throws with a bare 500.
      status = 500;
      text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } finally {
      clearTimeout(timer);
    }
    const ms = performance.now() - started;
    report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    const fail = (kind: FailureKind, detail: string) =>
      record(report, kind, { input: shown, status, detail });

    if (status === 0) fail("hang", text);
    if (status >= 500) {
      report.status5xx++;
      fail("5xx", text.slice(0, 500));
    }
    if (status >= 400) {
      for (const [what, pattern] of LEAKS)
        if (pattern.test(text)) fail("leak", `${what}: ${text.slice(0, 500)}`);
    }
    if (status >= 400 && status < 500) {
      report.slowest4xxMs = Math.max(report.slowest4xxMs, ms);
      if (!route.ownErrorShape) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        if (!options.errorSchema.safeParse(body).success) fail("errorBody", text.slice(0, 500));
      }
    }
    if (foreign && status >= 200 && status < 300 && !route.foreignIdAnswers2xx)
      fail("foreignId", `another user's id answered ${status}: ${text.slice(0, 300)}`);

    if (world.rowCounts && (status < 400 || status >= 500)) {
      // A successful request may leave work running; let it land before the next "before".
      const after = await quietCounts(world);
      if (foreign && route.foreignIdAnswers2xx && status < 300 && !same(before, after))
        fail("foreignId", `another user's id wrote rows: ${JSON.stringify(diff(before, after))}`);
      before = undefined;
    } else if (world.rowCounts) {
      const after = await world.rowCounts();
      const changed = diff(before, after);
      const ours = Object.keys(changed).filter((t) => !byDesign.has(t));
      if (ours.length > 0) {
        report.rowsWrittenOnRejection += ours.reduce((n, t) => n + Math.abs(changed[t] ?? 0), 0);
        fail("rowsOnRejection", JSON.stringify(changed));
      } else if (Object.keys(changed).length > 0) report.byDesignRowsOnRejection++;
      before = after;
    }
  };

  await fc.assert(
    fc.asyncProperty(fuzzInput(route, Object.keys(world.sessions)), async (input) => {
      await sendOne(input);
    }),
    {
      numRuns: options.runs,
      seed: options.seed,
      endOnFailure: true,
      examples: knownOffenders(route, Object.keys(world.sessions)).map((input) => [input]),
    },
  );
  report.slowest4xxMs = Math.round(report.slowest4xxMs * 10) / 10;
  return report;
}

function diff(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const table of Object.keys({ ...before, ...after })) {
    const delta = (after[table] ?? 0) - (before[table] ?? 0);
    if (delta !== 0) changed[table] = delta;
  }
  return changed;
}

/** Fuzzes routes one after another (the database sees one request at a time, so row counts are exact). */
export async function fuzzRoutes(
  routes: readonly FuzzRoute[],
  world: FuzzWorld,
  options: FuzzOptions,
): Promise<RouteReport[]> {
  const reports: RouteReport[] = [];
  for (const route of routes) reports.push(await fuzzRoute(route, world, options));
  return reports;
}

/** One line per failure kind per route, with its first input: empty when the property held. */
export function fuzzFailures(reports: readonly RouteReport[]): string[] {
  return reports.flatMap((r) =>
    Object.entries(r.failures).map(
      ([kind, f]) =>
        `${r.route}: ${kind} ×${f.count}, first ${f.first.status} ${f.first.detail} for ${JSON.stringify(f.first.input)}`,
    ),
  );
}
