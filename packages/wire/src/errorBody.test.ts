import { expect, test } from "vitest";
import { errorBody, errorBodySchema } from "./errorBody.ts";

test("errorBody builds the OpenAI-style error object, details only when given", () => {
  expect(errorBody("rate_limited", "Slow down.")).toEqual({
    error: { code: "rate_limited", message: "Slow down.", type: "switchyard" },
  });
  expect(Object.keys(errorBody("x", "y").error)).not.toContain("details");
  const withDetails = errorBody("no_candidate", "Nothing left.", { removed: { zdr: ["local:primary"] } });
  expect(withDetails.error.details).toEqual({ removed: { zdr: ["local:primary"] } });
  expect(errorBodySchema.safeParse(withDetails).success).toBe(true);
});

test("the schema rejects an upstream's error body (no type, numeric code)", () => {
  expect(errorBodySchema.safeParse({ error: { code: 429, message: "Rate limited" } }).success).toBe(false);
});
