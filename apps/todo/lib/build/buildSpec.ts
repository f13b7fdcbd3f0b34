// The planner's specification, as the coder and the check read it. Test cases are data (arguments and
// an expected value), so the check turns them into a test file the coder cannot weaken.
import { z } from "zod";

const identifier = z.string().regex(/^[A-Za-z_$][\w$]{0,63}$/, "must be a JavaScript identifier");

export const specTestCase = z.union([
  z.object({ name: z.string().min(1).max(200), args: z.array(z.unknown()), expected: z.unknown() }),
  z.object({ name: z.string().min(1).max(200), args: z.array(z.unknown()), throws: z.literal(true) }),
]);
export type SpecTestCase = z.infer<typeof specTestCase>;

export const buildSpec = z.object({
  goal: z.string().min(1).max(2000),
  functionName: identifier,
  signature: z.string().min(1).max(500),
  inputs: z
    .array(
      z.object({
        name: z.string().min(1).max(64),
        type: z.string().max(200),
        description: z.string().max(500),
      }),
    )
    .max(10),
  output: z.object({ type: z.string().max(200), description: z.string().max(500) }),
  edgeCases: z.array(z.string().max(500)).max(20),
  tests: z.array(specTestCase).min(1).max(40),
  /** The planner's own judgement; "complex" escalates the planner and the coder to the strong tier. */
  complexity: z.enum(["simple", "complex"]),
});
export type BuildSpec = z.infer<typeof buildSpec>;

export const SOLUTION_FILE = "solution.ts";
export const CODER_TESTS_FILE = "solution.test.ts";
export const SPEC_TESTS_FILE = "spec.test.ts";

/** The spec's test cases as a test file the sandbox runs beside the coder's own tests. */
export function specTestsSource(spec: BuildSpec): string {
  const lines = spec.tests.map((t) => {
    const call = `${spec.functionName}(...${JSON.stringify(t.args)})`;
    const body =
      "throws" in t
        ? `expect(() => ${call}).toThrow()`
        : `expect(${call}).toEqual(${JSON.stringify(t.expected ?? null)})`;
    return `  test(${JSON.stringify(t.name)}, () => ${body});`;
  });
  return [
    `import { ${spec.functionName} } from "./solution";`,
    `describe("spec", () => {`,
    ...lines,
    "});",
    "",
  ].join("\n");
}
