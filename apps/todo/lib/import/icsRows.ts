// An iCalendar (.ics) file into preview rows with ical.js: each open VTODO (a task list's export) and
// each VEVENT (a calendar's) is a row; DUE, else DTSTART, is the due date; PRIORITY 1-4 is high, 5
// medium, 6-9 low (RFC 5545); CATEGORIES are tags. Completed and cancelled tasks are left out.
import ICAL from "ical.js";
import { type RawRow, type ReadRows, readRows } from "./rowFields.ts";

export class IcsUnreadableError extends Error {
  override readonly name = "IcsUnreadableError";
}

const pad = (n: number) => String(n).padStart(2, "0");

function dayOf(value: unknown): string | null {
  if (!(value instanceof ICAL.Time)) return null;
  return `${value.year}-${pad(value.month)}-${pad(value.day)}`;
}

function icalPriority(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 9) return 0;
  return n <= 4 ? 3 : n === 5 ? 2 : 1;
}

function calendarOf(text: string): ICAL.Component {
  try {
    return new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new IcsUnreadableError(error instanceof Error ? error.message : "not iCalendar");
  }
}

function rawRow(item: ICAL.Component): RawRow {
  const due = item.getFirstPropertyValue("due") ?? item.getFirstPropertyValue("dtstart");
  const categories = item
    .getAllProperties("categories")
    .flatMap((p) => p.getValues())
    .map(String);
  return {
    title: String(item.getFirstPropertyValue("summary") ?? ""),
    due: dayOf(due),
    priority: icalPriority(item.getFirstPropertyValue("priority")),
    tags: categories,
  };
}

export function icsRows(text: string): ReadRows {
  const calendar = calendarOf(text);
  if (calendar.name !== "vcalendar") throw new IcsUnreadableError("no VCALENDAR");
  const items = [...calendar.getAllSubcomponents("vtodo"), ...calendar.getAllSubcomponents("vevent")];
  const open = items.filter((item) => {
    const status = String(item.getFirstPropertyValue("status") ?? "").toUpperCase();
    return status !== "COMPLETED" && status !== "CANCELLED";
  });
  return readRows(open.map(rawRow), (i) => `Item ${i + 1}`);
}
