// Turns the spec's test cases into a test file the sandbox runs beside the coder's own tests.
import type { BuildSpec } from "./buildSpec.ts";

export const SOLUTION_FILE = "solution.ts";
export const CODER_TESTS_FILE = "solution.test.ts";
export const SPEC_TESTS_FILE = "spec.test.ts";

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
