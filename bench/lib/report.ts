// Writing a benchmark's results: a markdown report, the same figures as JSON, and its SVG charts,
// all under bench/results/. Also the machine facts every report states (figures mean little without
// the node version, the cores and how busy the machine was).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ChartSpec, renderChart } from "./svgChart.ts";

export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../results");

export type Cell = string | number | null | undefined;

/** A GitHub markdown table; numbers are printed as given (round them first), null as "—". */
export function markdownTable(headers: string[], rows: Cell[][], align?: ("l" | "r")[]): string {
  const cell = (c: Cell) =>
    c === null || c === undefined || (typeof c === "number" && Number.isNaN(c))
      ? "—"
      : String(c).replace(/\|/g, "\\|");
  const rule = headers.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : ":---"));
  return [
    `| ${headers.join(" | ")} |`,
    `| ${rule.join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

export interface MachineFacts {
  node: string;
  platform: string;
  cpuModel: string;
  cores: number;
  totalMemoryGiB: number;
  /** 1-minute load average when the run started: above the core count means a busy machine. */
  loadAverageAtStart: number;
  startedAt: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
    startedAt: new Date().toISOString(),
  };
}

export function machineFactsMarkdown(m: MachineFacts): string {
  const busy =
    m.loadAverageAtStart > m.cores * 0.5 ? " (busy: other work shared the cores; figures are noisy)" : "";
  return [
    `- Node ${m.node} on ${m.platform}`,
    `- CPU: ${m.cpuModel}, ${m.cores} cores available, ${m.totalMemoryGiB} GiB RAM`,
    `- Load average (1 min) at start: ${m.loadAverageAtStart}${busy}`,
    `- Run started ${m.startedAt}`,
  ].join("\n");
}

export interface ReportFiles {
  /** Base name: writes <name>.md and <name>.json. */
  name: string;
  markdown: string;
  json: unknown;
  /** Chart file name (e.g. "overhead.svg") -> spec; link them from the markdown as ![..](file). */
  charts?: Record<string, ChartSpec>;
}

/** Writes the report files and returns their paths. */
export function writeReport(files: ReportFiles, dir = resultsDir): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, spec] of Object.entries(files.charts ?? {})) {
    const p = path.join(dir, file);
    writeFileSync(p, renderChart(spec));
    written.push(p);
  }
  const md = path.join(dir, `${files.name}.md`);
  writeFileSync(md, files.markdown.endsWith("\n") ? files.markdown : `${files.markdown}\n`);
  const json = path.join(dir, `${files.name}.json`);
  writeFileSync(json, `${JSON.stringify(files.json, null, 2)}\n`);
  written.push(md, json);
  return written;
}
