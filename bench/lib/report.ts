// Writing a benchmark's results: a markdown report, the same figures as JSON, and its SVG charts,
// all under bench/results/. The machine facts every report states come from @switchyard/measure.
import { mkdirSync, writeFileSync } from "node:fs";
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
