import { expect, test } from "vitest";
import { z } from "zod";
import { envVar, unsetIfEmpty } from "./env.ts";

const schema = z.object({
  PORT: envVar(z.coerce.number().int().default(4010)),
  KEY: envVar(z.string().min(1).optional()),
});

test("an empty variable counts as unset: defaults apply, optional ones stay undefined", () => {
  expect(schema.parse({ PORT: "", KEY: "" })).toEqual({ PORT: 4010, KEY: undefined });
  expect(schema.parse({})).toEqual({ PORT: 4010 });
  expect(schema.parse({ PORT: "5000", KEY: "sk-1" })).toEqual({ PORT: 5000, KEY: "sk-1" });
});

test("only the empty string is unset; other values still go through the schema", () => {
  expect(unsetIfEmpty("")).toBeUndefined();
  expect(unsetIfEmpty(" ")).toBe(" ");
  expect(schema.safeParse({ PORT: "abc" }).success).toBe(false);
});
