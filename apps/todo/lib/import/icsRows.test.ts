import { describe, expect, it } from "vitest";
import { IcsUnreadableError, icsRows } from "./icsRows.ts";

const calendar = (...lines: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Switchyard//test//EN", ...lines, "END:VCALENDAR"].join(
    "\r\n",
  );

describe(".ics into preview rows", () => {
  it("reads open tasks and events: summary, due or start date, priority and categories", () => {
    const ics = calendar(
      "BEGIN:VTODO",
      "UID:1",
      "SUMMARY:Renew passport",
      "DUE;VALUE=DATE:20261215",
      "PRIORITY:1",
      "CATEGORIES:Travel,admin",
      "END:VTODO",
      "BEGIN:VTODO",
      "UID:2",
      "SUMMARY:Already done",
      "STATUS:COMPLETED",
      "END:VTODO",
      "BEGIN:VEVENT",
      "UID:3",
      "SUMMARY:Dentist check-up",
      "DTSTART:20261210T093000Z",
      "PRIORITY:5",
      "END:VEVENT",
    );
    expect(icsRows(ics)).toEqual({
      rows: [
        { title: "Renew passport", dueDate: "2026-12-15", priority: 3, tags: ["travel", "admin"] },
        { title: "Dentist check-up", dueDate: "2026-12-10", priority: 2, tags: [] },
      ],
      warnings: [],
    });
  });

  it("refuses a file that is not iCalendar", () => {
    expect(() => icsRows("hello there")).toThrow(IcsUnreadableError);
  });
});
