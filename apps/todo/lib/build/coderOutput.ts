// The coder answers with two fenced TypeScript blocks: the solution, then its tests.
export interface CoderOutput {
  code: string;
  tests: string;
}

export function parseCoderOutput(text: string): CoderOutput | null {
  const blocks = [...text.matchAll(/```(?:ts|typescript|js|javascript)?[^\n]*\n([\s\S]*?)```/g)].map((m) =>
    (m[1] ?? "").trim(),
  );
  if (blocks.length === 0 || !blocks[0]) return null;
  return { code: blocks[0], tests: blocks[1] ?? "" };
}
