import { describe, expect, it } from "vitest";
import { bucketStarts, parseUsageQuery, usageWindow } from "./usageQuery.ts";

describe("parseUsageQuery", () => {
  it("drops a name filter holding U+0000 (found by the fuzz suite: /usage/api?app=t%00odo answered 500)", () => {
    const query = parseUsageQuery(
      new URLSearchParams({ app: "t\u0000odo", feature: "ask", model: "\u0000" }),
    );
    expect(query).toMatchObject({ app: undefined, feature: "ask", model: undefined });
  });

  it("reads a Next searchParams object and URLSearchParams alike", () => {
    const expected = {
      range: "7d",
      groupBy: "app",
      app: "todo",
      feature: undefined,
      model: "openai/gpt-4o",
      outcome: "error",
      page: 3,
    };
    expect(
      parseUsageQuery({
        range: "7d",
        groupBy: "app",
        app: ["todo", "x"],
        model: "openai/gpt-4o",
        outcome: "error",
        page: "3",
      }),
    ).toEqual(expected);
    expect(
      parseUsageQuery(
        new URLSearchParams(
          "range=7d&groupBy=app&app=todo&feature=&model=openai/gpt-4o&outcome=error&page=3",
        ),
      ),
    ).toEqual(expected);
  });

  it("falls back to the defaults instead of failing on a hand-edited URL", () => {
    expect(parseUsageQuery({ range: "1y", groupBy: "user", outcome: "maybe", page: "-2", app: " " })).toEqual(
      {
        range: "24h",
        groupBy: "model",
        app: undefined,
        feature: undefined,
        model: undefined,
        outcome: undefined,
        page: 1,
      },
    );
  });
});

describe("usageWindow", () => {
  const now = new Date("2026-11-25T12:30:10Z");

  it("ends at the end of the current bucket and picks the bucket width from the range", () => {
    expect(usageWindow("24h", now)).toEqual({
      from: new Date("2026-11-24T13:00:00Z"),
      to: new Date("2026-11-25T13:00:00Z"),
      bucket: "hour",
    });
    expect(usageWindow("1h", now)).toMatchObject({ to: new Date("2026-11-25T12:31:00Z"), bucket: "minute" });
    expect(usageWindow("30d", now)).toMatchObject({
      from: new Date("2026-10-27T00:00:00Z"),
      to: new Date("2026-11-26T00:00:00Z"),
      bucket: "day",
    });
  });

  it("lists every bucket in the window", () => {
    expect(bucketStarts(usageWindow("1h", now))).toHaveLength(60);
    expect(bucketStarts(usageWindow("7d", now))).toHaveLength(7);
  });
});
