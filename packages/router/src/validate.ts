// Validation in place. The wire's zod schemas stay the single source of truth; ajv compiles each one
// (through zod's JSON Schema, on first use) into a check that allocates nothing and hands back the
// value itself. zod's own parse copies every object it accepts, and on the request path that copy
// was the largest allocation the router made (the README's Overhead section). zod still explains a
// failure. One difference from zod's parse: unknown keys inside nested objects are kept, not dropped.
import { Ajv, type ValidateFunction } from "ajv";
import { z } from "zod";

const ajv = new Ajv({ strict: false });

/** Works like schema.safeParse, except that a valid value is returned as it is rather than copied. */
export type Validator<T> = (value: unknown) => z.ZodSafeParseResult<T>;

export function validator<S extends z.ZodType>(schema: S): Validator<z.output<S>> {
  let check: ValidateFunction | null = null;
  return (value) => {
    check ??= ajv.compile(z.toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" }));
    if (check(value)) return { success: true, data: value as z.output<S> };
    // zod has the readable messages (and the last word, should the two ever disagree).
    return schema.safeParse(value);
  };
}
