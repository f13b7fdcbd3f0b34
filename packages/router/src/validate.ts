// Validation in place. The wire's zod schemas stay the single source of truth; ajv compiles each one
// once (through zod's JSON Schema) into a check that allocates nothing and hands back the value
// itself. zod's own parse copies every object it accepts, and on the request path that copy was the
// largest allocation the router made (bench/results/overhead.md). zod still explains a failure.
// One difference from zod's parse: unknown keys inside nested objects are kept, not dropped.
import { Ajv, type ValidateFunction } from "ajv";
import { z } from "zod";

const ajv = new Ajv({ strict: false });
const compiled = new WeakMap<z.ZodType, ValidateFunction>();

function checkFor(schema: z.ZodType): ValidateFunction {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv.compile(z.toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" }));
    compiled.set(schema, check);
  }
  return check;
}

/** schema.safeParse(value), except that a valid value is returned as it is rather than copied. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  if (checkFor(schema)(value)) return { success: true, data: value as z.output<S> };
  // zod has the readable messages (and the last word, should the two ever disagree).
  return schema.safeParse(value);
}
