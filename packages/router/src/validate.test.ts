import { chatRequest, chatResponse } from "@switchyard/wire";
import { expect, test } from "vitest";
import { validator } from "./validate.ts";

const checkRequest = validator(chatRequest);
const checkResponse = validator(chatResponse);

test("a valid body comes back as the same object, nested unknown keys kept for the upstream", () => {
  const body = {
    model: "fast",
    messages: [{ role: "tool", content: "42", tool_call_id: "call_1" }],
    max_tokens: 16,
  };
  const parsed = checkRequest(body);
  expect(parsed.success && parsed.data).toBe(body);
  expect(parsed.success && parsed.data.messages[0]).toHaveProperty("tool_call_id", "call_1");
});

test("the compiled check rejects what the zod schema rejects, with zod's message and path", () => {
  const ok = { model: "fast", messages: [{ role: "user", content: "hi" }] };
  const bad = [
    { ...ok, model: "" },
    { ...ok, messages: [] },
    { ...ok, messages: [{ role: "robot", content: "hi" }] },
    { ...ok, max_tokens: 0 },
    { ...ok, max_tokens: 1.5 },
    { ...ok, temperature: 3 },
    { ...ok, messages: [{ role: "user", content: [{ type: "text" }] }] },
  ];
  for (const body of bad) {
    const parsed = checkRequest(body);
    expect(parsed.success, JSON.stringify(body)).toBe(false);
    expect(parsed.error?.issues.length).toBeGreaterThan(0);
  }
  const noChoices = checkResponse({ id: "x", model: "m" });
  expect(noChoices.error?.issues[0]?.path).toEqual(["choices"]);
});
