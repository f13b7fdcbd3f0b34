// What the todo API's schemas refuse at the boundary, before a query could fail on it.
import { expect, it } from "vitest";
import { searchQuery } from "./todoSchemas.ts";

it("refuses a search holding U+0000 (found by the fuzz suite: GET /api/search?q=%00 answered 500)", () => {
  expect(searchQuery.safeParse({ q: "\u0000" }).success).toBe(false);
  expect(searchQuery.safeParse({ q: "milk\u0000" }).success).toBe(false);
  expect(searchQuery.parse({ q: " milk " })).toEqual({ q: "milk" });
});
