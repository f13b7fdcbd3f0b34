// The fuzz benchmark's report: the five headline figures, the goal checked, a table per suite with a
// row per route, the first failing input of any failure, and a chart of answers by class.
import { type MachineFacts, machineFactsMarkdown } from "@switchyard/measure";
import type { RouteReport } from "@switchyard/tooling/fuzz";
import { markdownTable, type ReportFiles } from "../lib/report.ts";
import type { SuiteRun } from "./fuzzSuites.ts";

export interface FuzzBenchInput {
  machine: MachineFacts;
  runs: number;
  seed: number;
  suites: { name: string; runsPerRoute: number; run: SuiteRun }[];
}

const byClass = (r: RouteReport, cls: string) =>
  Object.entries(r.statuses)
    .filter(([status]) => status.startsWith(cls))
    .reduce((n, [, count]) => n + count, 0);

export function fuzzReport(input: FuzzBenchInput): ReportFiles {
  const perRoute = input.suites.flatMap((s) =>
    (s.run.report?.routes ?? []).map((r) => ({ suite: s.name, ...r })),
  );
  const sum = (pick: (r: RouteReport) => number) => perRoute.reduce((n, r) => n + pick(r), 0);
  const figures = {
    routes: perRoute.length,
    inputs: sum((r) => r.inputs),
    status5xx: sum((r) => r.status5xx),
    rowsWrittenOnRejection: sum((r) => r.rowsWrittenOnRejection),
    slowest4xxMs: Math.max(0, ...perRoute.map((r) => r.slowest4xxMs)),
  };
  const hangs = sum((r) => r.failures.hang?.count ?? 0);
  const otherFailures = perRoute.flatMap((r) =>
    Object.entries(r.failures).map(([kind, f]) => ({ route: `${r.suite} ${r.route}`, kind, ...f })),
  );
  const missing = input.suites.filter((s) => !s.run.report).map((s) => s.name);
  const met = figures.status5xx === 0 && figures.rowsWrittenOnRejection === 0 && missing.length === 0;
  const json = {
    ...figures,
    goal: { status5xx: 0, rowsWrittenOnRejection: 0, met },
    rateLimitOrLedgerWritesOnRejection: sum((r) => r.byDesignRowsOnRejection),
    hangs,
    failures: otherFailures,
    runsPerRoute: Object.fromEntries(input.suites.map((s) => [s.name, s.runsPerRoute])),
    seed: input.seed,
    suites: input.suites.map((s) => ({
      name: s.name,
      routes: s.run.report?.routes.length ?? 0,
      exitCode: s.run.exitCode,
      wallSeconds: Math.round(s.run.wallSeconds),
    })),
    perRoute,
    machine: input.machine,
  };

  const tables = input.suites.map((s) => {
    const rows = (s.run.report?.routes ?? []).map((r) => [
      r.route,
      r.inputs,
      byClass(r, "2") + byClass(r, "3"),
      byClass(r, "4"),
      r.status5xx,
      r.rowsWrittenOnRejection,
      r.byDesignRowsOnRejection,
      r.slowest4xxMs,
      Object.keys(r.failures).join(", ") || "none",
    ]);
    const head = [
      "route",
      "inputs",
      "2xx/3xx",
      "4xx",
      "5xx",
      "rows on rejection",
      "by-design rows",
      "slowest 4xx (ms)",
      "failures",
    ];
    return [`### ${s.name} (${s.runsPerRoute} inputs a route)`, "", markdownTable(head, rows)].join("\n");
  });
  const failureLines = otherFailures.map(
    (f) =>
      `- ${f.route}: **${f.kind}** ×${f.count}; first: ${f.first.status} ${f.first.detail.slice(0, 200)}\n  input: \`${JSON.stringify(f.first.input).slice(0, 600)}\``,
  );
  const suiteNames = input.suites.map((s) => s.name);
  const classSeries = (label: string, cls: string[]) => ({
    name: label,
    values: input.suites.map((s) =>
      (s.run.report?.routes ?? []).reduce((n, r) => n + cls.reduce((m, c) => m + byClass(r, c), 0), 0),
    ),
  });

  const markdown = [
    "# Fuzzed API (`pnpm bench:fuzz`)",
    "",
    "Every route of both apps and the router's handler, sent hostile inputs by fast-check",
    "(`packages/tooling/src/fuzz/`): wrong types per field, malformed, deeply nested and oversized JSON,",
    "prototype keys, control characters and huge strings, odd content types and methods, path ids that are",
    "not UUIDs or are another user's, a forged Origin, X-Forwarded-For and cookies; without a session, as a",
    "member, as a second member and as an admin. One request at a time, in process, on an in-memory",
    "database, with row counts of every table before and after each rejected request.",
    "",
    "## Goal",
    "",
    `- 5xx answers: **${figures.status5xx}** (goal 0) ${figures.status5xx === 0 ? "✅" : "❌"}`,
    `- rows written by a rejected (4xx) request: **${figures.rowsWrittenOnRejection}** (goal 0) ${figures.rowsWrittenOnRejection === 0 ? "✅" : "❌"}`,
    `- verdict: **${met ? "met" : "not met"}** over ${figures.inputs} inputs to ${figures.routes} routes; slowest 4xx ${figures.slowest4xxMs} ms; requests that hung: ${hangs}`,
    ...(missing.length ? [`- suites without a report (crashed): ${missing.join(", ")}`] : []),
    "",
    "By-design rows are not counted above: a request that passed the session check counts against its",
    "user's and address's rate limit before its body is read, so a flood of malformed requests is",
    "throttled too; the first request of a new key inserts its `rate_limits` row. better-auth's own",
    "limiter does the same per address and path on `/api/auth/*`. The router's ledger records every",
    "request its engine took in, a refused one too. The column says how many rejections wrote only those.",
    "",
    "## Per route",
    "",
    ...tables.flatMap((t) => [t, ""]),
    "## Failures",
    "",
    ...(failureLines.length ? failureLines : ["None: every property held for every input."]),
    "",
    "![Answers by class per suite](fuzz.svg)",
    "",
    "## Machine",
    "",
    machineFactsMarkdown(input.machine),
    `- Seed ${input.seed}; wall time per suite: ${input.suites.map((s) => `${s.name} ${Math.round(s.run.wallSeconds)} s`).join(", ")}`,
  ].join("\n");

  return {
    name: "fuzz",
    markdown,
    json,
    charts: {
      "fuzz.svg": {
        title: "Fuzzed API: answers by class and the slowest refusal",
        subtitle: `${figures.inputs} hostile inputs, seed ${input.seed}`,
        panels: [
          {
            title: "Answers by class",
            unit: "requests",
            categories: suiteNames,
            series: [
              classSeries("2xx/3xx", ["2", "3"]),
              classSeries("4xx", ["4"]),
              classSeries("5xx", ["5"]),
            ],
          },
          {
            title: "Slowest 4xx",
            unit: "ms",
            categories: suiteNames,
            series: [
              {
                name: "slowest 4xx",
                values: input.suites.map((s) =>
                  Math.max(0, ...(s.run.report?.routes ?? []).map((r) => r.slowest4xxMs)),
                ),
              },
            ],
          },
        ],
      },
    },
  };
}
