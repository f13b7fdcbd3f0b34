import { describe, expect, it } from "vitest";
import { importSave, MAX_IMPORT_ROWS, MAX_SAVE_BODY_BYTES } from "./importSchemas.ts";

describe("the import's save body", () => {
  it(`holds ${MAX_IMPORT_ROWS} rows of the longest titles and tags within its byte limit`, () => {
    const row = {
      title: "é".repeat(200),
      dueDate: "2026-12-31",
      priority: 3,
      tags: Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(32, "t")),
    };
    const body = { rows: Array.from({ length: MAX_IMPORT_ROWS }, () => row) };
    expect(importSave.safeParse(body).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(MAX_SAVE_BODY_BYTES);
  });

  it("refuses an empty save, a row without a title and a priority out of range", () => {
    const ok = { title: "a", dueDate: null, priority: 0, tags: [] };
    expect(importSave.safeParse({ rows: [] }).success).toBe(false);
    expect(importSave.safeParse({ rows: [{ ...ok, title: "  " }] }).success).toBe(false);
    expect(importSave.safeParse({ rows: [{ ...ok, priority: 4 }] }).success).toBe(false);
    expect(importSave.safeParse({ rows: Array(MAX_IMPORT_ROWS + 1).fill(ok) }).success).toBe(false);
  });
});
