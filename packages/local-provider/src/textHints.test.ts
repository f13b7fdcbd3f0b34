import { describe, expect, it } from "vitest";
import { fill } from "./schemaValue.ts";
import { findDate, findPriority, subjectOf } from "./textHints.ts";

// Thursday 3 December 2026.
const today = new Date("2026-12-03T10:00:00Z");

describe("what the simulation picks out of a sentence", () => {
  it("dates relative to today", () => {
    expect(findDate("renew it next Friday", today)).toBe("2026-12-04");
    expect(findDate("move it to Monday", today)).toBe("2026-12-07");
    expect(findDate("tomorrow please", today)).toBe("2026-12-04");
    expect(findDate("in 10 days", today)).toBe("2026-12-13");
    expect(findDate("VAT return due 31 January", today)).toBe("2027-01-31");
    expect(findDate("on 2026-12-24", today)).toBe("2026-12-24");
    expect(findDate("no date here", today)).toBeUndefined();
  });

  it("priorities and the subject left without framing, dates, priority and tags", () => {
    expect(findPriority("high priority")).toBe("high");
    expect(findPriority("whenever")).toBe("low");
    expect(subjectOf("Remind me to renew the car insurance next Friday, high priority #admin")).toBe(
      "renew the car insurance",
    );
    expect(subjectOf("Please add buy oat milk tomorrow")).toBe("buy oat milk");
  });

  it("fills a schema from the sentence: same input, same value", () => {
    const schema = {
      type: "object",
      properties: {
        title: { type: "string" },
        due: { type: ["string", "null"] },
        priority: { type: "integer", minimum: 0, maximum: 3 },
        done: { type: "boolean" },
      },
    };
    const source = { text: "Remind me to renew the car insurance next Friday, urgent", items: [], today };
    const value = fill(schema, "todo", source);
    expect(value).toEqual({ title: "renew the car insurance", due: "2026-12-04", priority: 3, done: false });
    expect(fill(schema, "todo", source)).toEqual(value);
  });
});
