import { describe, expect, it } from "vitest";
import { CsvUnreadableError, csvRows } from "./csvRows.ts";
import { MAX_IMPORT_ROWS } from "./importSchemas.ts";

describe("CSV into preview rows", () => {
  it("maps named columns in any order and case, with quoted commas", () => {
    const csv =
      'Tags,Priority,Due Date,Task\n"home, errands",high,2026-12-05,Buy milk\nwork,low,,"Send the Q4 report, v2"\n';
    expect(csvRows(csv)).toEqual({
      rows: [
        { title: "Buy milk", dueDate: "2026-12-05", priority: 3, tags: ["home", "errands"] },
        { title: "Send the Q4 report, v2", dueDate: null, priority: 1, tags: ["work"] },
      ],
      warnings: [],
    });
  });

  it("reads a semicolon-separated export with a BOM", () => {
    const csv = "\uFEFFtitle;due;tags\r\nPay rent;31/12/2026;home, money\r\n";
    expect(csvRows(csv).rows).toEqual([
      { title: "Pay rent", dueDate: "2026-12-31", priority: 0, tags: ["home", "money"] },
    ]);
  });

  it("takes the first column as the title when there is no header", () => {
    expect(csvRows("Walk the dog,2026-12-06\nWater plants\n").rows).toEqual([
      { title: "Walk the dog", dueDate: "2026-12-06", priority: 0, tags: [] },
      { title: "Water plants", dueDate: null, priority: 0, tags: [] },
    ]);
  });

  it(`keeps the first ${MAX_IMPORT_ROWS} rows of a longer file and says so`, () => {
    const csv = ["title", ...Array.from({ length: MAX_IMPORT_ROWS + 5 }, (_, i) => `task ${i}`)].join("\n");
    const read = csvRows(csv);
    expect(read.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(read.warnings[0]).toMatch(/Only the first 200 items/);
  });

  it("refuses text that is not CSV", () => {
    expect(() => csvRows('title\n"never closed\n')).toThrow(CsvUnreadableError);
  });
});
