// The events and tasks of an iCalendar (.ics) file as rows with named fields, so a json_schema answer
// or a tool's arguments can take one item per VEVENT/VTODO: title, due date, priority, tags, notes.
import type { DataItem } from "./schemaValue.ts";

/** iCalendar's PRIORITY: 1-4 high, 5 medium, 6-9 low, 0 or absent undefined. */
function priorityWord(value: string | undefined): string | undefined {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n === 0) return undefined;
  return n <= 4 ? "high" : n === 5 ? "medium" : "low";
}

/** 20261211 or 20261211T090000Z → 2026-12-11. */
const isoDate = (value: string | undefined) => {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? "");
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
};

const icsText = (text: string) =>
  text
    .replace(/\\n/gi, " ")
    .replace(/\\([,;\\])/g, "$1")
    .trim();

export const isCalendar = (text: string) => /^BEGIN:VCALENDAR/m.test(text);

export function calendarItems(text: string): DataItem[] {
  // Long lines are folded: a line starting with a space or tab continues the one before.
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const items: DataItem[] = [];
  let current: Map<string, string> | undefined;
  for (const line of lines) {
    if (/^BEGIN:(VEVENT|VTODO)$/i.test(line)) current = new Map();
    else if (/^END:(VEVENT|VTODO)$/i.test(line) && current) {
      const title = icsText(current.get("SUMMARY") ?? "");
      const due = isoDate(current.get("DUE") ?? current.get("DTSTART"));
      const priority = priorityWord(current.get("PRIORITY"));
      const tags = icsText(current.get("CATEGORIES") ?? "");
      const notes = icsText(current.get("DESCRIPTION") ?? "");
      const fields: Record<string, string> = { title, due: due ?? "", priority: priority ?? "", tags, notes };
      items.push({ text: [title, due, priority].filter(Boolean).join(", "), fields });
      current = undefined;
    } else if (current) {
      const m = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/i.exec(line);
      if (m && !current.has(m[1]!.toUpperCase())) current.set(m[1]!.toUpperCase(), m[2]!);
    }
  }
  return items;
}
