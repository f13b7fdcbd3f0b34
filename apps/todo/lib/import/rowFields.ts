// Reads one row's fields as a file or a model wrote them into the todo's own values: a due date as
// YYYY-MM-DD (or null), a priority 0-3 from a word or a number, tags from a list, a title cut to size.
import { type ImportRow, MAX_IMPORT_ROWS } from "./importSchemas.ts";

const MAX_TITLE = 200;
const MAX_TAGS = 12;
const MAX_TAG = 32;

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function realDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? isoDay(year, month, day)
    : null;
}

/** YYYY-MM-DD, a date-time, D/M/Y or M/D/Y, or English with a year ("Dec 11 2026"); else null. */
export function dueDateOf(raw: string | null | undefined): string | null {
  const text = (raw ?? "").trim();
  if (!text) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (slashed) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    // 12/31/2026 can only be month first, 31/12/2026 only day first; an ambiguous 05/06/2026 is day first.
    return a > 12 ? realDay(year, b, a) : b > 12 ? realDay(year, a, b) : realDay(year, b, a);
  }
  if (!/[a-z]/i.test(text) || !/\d{4}/.test(text)) return null;
  const parsed = new Date(`${text} 12:00 UTC`);
  if (Number.isNaN(parsed.getTime())) return null;
  return isoDay(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate());
}

const PRIORITY_WORDS: Record<string, number> = {
  none: 0,
  no: 0,
  low: 1,
  l: 1,
  minor: 1,
  medium: 2,
  med: 2,
  m: 2,
  normal: 2,
  high: 3,
  h: 3,
  urgent: 3,
  critical: 3,
  "!": 1,
  "!!": 2,
  "!!!": 3,
};

/** 0 none, 1 low, 2 medium, 3 high; numbers above 3 are clamped, unknown words are none. */
export function priorityOf(raw: string | number | null | undefined): number {
  if (typeof raw === "number") return Number.isFinite(raw) ? Math.min(3, Math.max(0, Math.round(raw))) : 0;
  const text = (raw ?? "").trim().toLowerCase();
  if (/^\d+$/.test(text)) return Math.min(3, Number(text));
  return PRIORITY_WORDS[text] ?? 0;
}

/** Tags from "home, errands", "home; errands", "#home #errands" or a list; lower case, no duplicates. */
export function tagsOf(raw: string | readonly string[] | null | undefined): string[] {
  const parts = typeof raw === "string" ? raw.split(/[,;|]|\s+(?=#)/) : (raw ?? []);
  const tags = parts
    .map((t) => t.trim().replace(/^#/, "").toLowerCase().slice(0, MAX_TAG).trim())
    .filter((t) => t.length > 0);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

export function titleOf(raw: string | null | undefined): string {
  // Bullets, checkboxes and list numbers a screenshot's text keeps are not part of the title.
  const text = (raw ?? "")
    .replace(/\s+/g, " ")
    .replace(/^\s*(?:(?:[-*•·▪◦]|\[[ xX]?\]|☐|☑|✓|\d{1,3}[.)])\s*)+/, "")
    .trim();
  return [...text].slice(0, MAX_TITLE).join("");
}

export interface RawRow {
  title?: string | null;
  due?: string | null;
  priority?: string | number | null;
  tags?: string | readonly string[] | null;
}

export interface ReadRows {
  rows: ImportRow[];
  warnings: string[];
}

/** Rows with a title, each read with the functions above; at most MAX_IMPORT_ROWS, with a warning past it. */
export function readRows(raw: RawRow[], label: (index: number) => string): ReadRows {
  const rows: ImportRow[] = [];
  const warnings: string[] = [];
  for (const [index, row] of raw.entries()) {
    const title = titleOf(row.title);
    if (!title) continue;
    if (rows.length === MAX_IMPORT_ROWS) {
      warnings.push(
        `Only the first ${MAX_IMPORT_ROWS} items are imported; the rest of the file was left out.`,
      );
      break;
    }
    const dueDate = dueDateOf(row.due);
    if (row.due?.trim() && !dueDate)
      warnings.push(`${label(index)}: the due date "${row.due.trim().slice(0, 40)}" could not be read.`);
    rows.push({ title, dueDate, priority: priorityOf(row.priority), tags: tagsOf(row.tags) });
  }
  return { rows, warnings };
}
