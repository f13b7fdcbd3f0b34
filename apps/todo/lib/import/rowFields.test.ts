import { describe, expect, it } from "vitest";
import { dueDateOf, priorityOf, readRows, tagsOf, titleOf } from "./rowFields.ts";

describe("reading a row's fields", () => {
  it("reads due dates in the common spellings and refuses days that do not exist", () => {
    expect(dueDateOf("2026-12-11")).toBe("2026-12-11");
    expect(dueDateOf("2026-12-11T09:30:00Z")).toBe("2026-12-11");
    expect(dueDateOf("12/31/2026")).toBe("2026-12-31");
    expect(dueDateOf("31/12/2026")).toBe("2026-12-31");
    expect(dueDateOf("05/06/2026")).toBe("2026-06-05");
    expect(dueDateOf("Dec 11 2026")).toBe("2026-12-11");
    expect(dueDateOf("2026-02-30")).toBeNull();
    expect(dueDateOf("someday")).toBeNull();
    expect(dueDateOf("")).toBeNull();
  });

  it("reads priorities from words, marks and numbers", () => {
    expect([priorityOf("High"), priorityOf("medium"), priorityOf("low"), priorityOf("")]).toEqual([
      3, 2, 1, 0,
    ]);
    expect([priorityOf("!!!"), priorityOf("7"), priorityOf(2), priorityOf("whenever")]).toEqual([3, 3, 2, 0]);
  });

  it("reads tags from lists, separators and hashtags, lower case and once each", () => {
    expect(tagsOf("Home, errands; home")).toEqual(["home", "errands"]);
    expect(tagsOf("#work #q4")).toEqual(["work", "q4"]);
    expect(tagsOf(["Travel", " "])).toEqual(["travel"]);
  });

  it("drops the bullets and checkboxes a picture's text keeps", () => {
    expect(titleOf("- [ ] buy milk")).toBe("buy milk");
    expect(titleOf("3) call   the bank")).toBe("call the bank");
    expect(titleOf("☐ renew passport")).toBe("renew passport");
  });

  it("skips rows without a title and says which dates could not be read", () => {
    const read = readRows(
      [
        { title: "pay rent", due: "soon" },
        { title: "  " },
        { title: "walk", due: "2026-12-05", tags: "dog" },
      ],
      (i) => `Row ${i + 2}`,
    );
    expect(read.rows).toEqual([
      { title: "pay rent", dueDate: null, priority: 0, tags: [] },
      { title: "walk", dueDate: "2026-12-05", priority: 0, tags: ["dog"] },
    ]);
    expect(read.warnings).toEqual(['Row 2: the due date "soon" could not be read.']);
  });
});
