// Command-line flags for the benchmarks: node's parseArgs for the syntax, zod for the values, so a
// typo fails with a clear message instead of a silently default run.
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { z } from "zod";

export function parseFlags<S extends z.ZodType>(
  schema: S,
  options: NonNullable<ParseArgsConfig["options"]>,
): z.infer<S> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options,
    strict: true,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    console.error(
      `Bad flags: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
    process.exit(2);
  }
  return parsed.data;
}
