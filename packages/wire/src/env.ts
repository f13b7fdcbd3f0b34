// "An empty environment variable means unset", written once for every package's env schema: a
// `FOO=` line in a .env file or a shell leaves the default in place instead of being the value "".
import { z } from "zod";

/** "" becomes undefined, anything else passes through unchanged (the first step of a `z.preprocess`). */
export function unsetIfEmpty(value: unknown): unknown {
  return value === "" ? undefined : value;
}

/** One variable's schema, read with "" as unset, so the schema's `.optional()` or `.default()` applies. */
export function envVar<T extends z.ZodType>(schema: T) {
  return z.preprocess(unsetIfEmpty, schema);
}
