// A CSV list into preview rows with csv-parse: a header row names the columns (title or task, due or
// date, priority, tags or labels, in any order and case); without one, the first column is the title
// and a later column that reads as a date is the due date.
import { parse } from "csv-parse/sync";
import { type RawRow, type ReadRows, readRows } from "./rowFields.ts";

type Field = keyof RawRow;

const HEADER_NAMES: Record<Field, RegExp> = {
  title: /^(title|task|todo|to do|name|item|summary|subject|what)$/,
  due: /^(due|due ?date|due_date|date|deadline|when|by)$/,
  priority: /^(priority|prio|importance|urgency)$/,
  tags: /^(tags?|labels?|categor(y|ies)|list|project)$/,
};

const fieldOfHeader = (header: string): Field | undefined =>
  (Object.keys(HEADER_NAMES) as Field[]).find((f) => HEADER_NAMES[f].test(header.trim().toLowerCase()));

export class CsvUnreadableError extends Error {
  override readonly name = "CsvUnreadableError";
}

/** The separator the first line uses most: a semicolon-separated export (Excel in much of Europe) reads too. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

function records(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: delimiterOf(text),
    }) as string[][];
  } catch (error) {
    throw new CsvUnreadableError(error instanceof Error ? error.message : "not CSV");
  }
}

export function csvRows(text: string): ReadRows {
  const table = records(text);
  if (table.length === 0) return { rows: [], warnings: [] };
  const header = table[0]!.map(fieldOfHeader);
  if (header.includes("title")) {
    const raw = table.slice(1).map((cells) => {
      const row: RawRow = {};
      header.forEach((field, i) => {
        if (field && row[field] === undefined) row[field] = cells[i] ?? "";
      });
      return row;
    });
    return readRows(raw, (i) => `Row ${i + 2}`);
  }
  const raw = table.map((cells): RawRow => {
    const dateAt = cells.findIndex((c, i) => i > 0 && /\d/.test(c) && !Number.isNaN(Date.parse(c)));
    return { title: cells[0], due: dateAt > 0 ? cells[dateAt] : null };
  });
  return readRows(raw, (i) => `Row ${i + 1}`);
}
