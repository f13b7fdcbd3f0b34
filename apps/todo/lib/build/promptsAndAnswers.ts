// What the planner and the coder are asked, and how their answers are read. The system prompts name
// their role ("planner", "coder"): the local provider's scripted samples match on it.
import type { ChatMessage } from "@switchyard/wire";
import { type BuildSpec, buildSpec } from "./buildSpec.ts";

export interface TaskText {
  title: string;
  notes: string;
}

const PLANNER_SYSTEM = `You are the planner of a two-model build chain. Turn the user's task into a specification
for a second model (the coder) that will write one TypeScript function.
Answer with one JSON object only, no prose:
{"goal": string, "functionName": identifier, "signature": "TypeScript signature",
 "inputs": [{"name", "type", "description"}], "output": {"type", "description"},
 "edgeCases": [string], "tests": [{"name", "args": [JSON values], "expected": JSON value} or {"name", "args", "throws": true}],
 "complexity": "simple" | "complex"}
Give at least 5 concrete tests, including the edge cases (empty input, boundaries, invalid input).
Mark complexity "complex" only when the function needs real algorithmic care.`;

const CODER_SYSTEM = `You are the coder of a two-model build chain. Write the TypeScript function the specification
describes, exported by name from solution.ts, and tests for it.
Answer with exactly two fenced code blocks and nothing else:
1. \`\`\`ts solution.ts: the function, with no imports of Node modules (no fs, no network, no process).
2. \`\`\`ts solution.test.ts: tests that import it from "./solution" and use test() and expect() from "vitest".`;

export function plannerMessages(task: TaskText, previousError?: string): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: "system", content: PLANNER_SYSTEM },
    { role: "user", content: `Task: ${task.title}${task.notes ? `\nNotes: ${task.notes}` : ""}` },
  ];
  if (previousError)
    messages.push({
      role: "user",
      content: `Task: ${task.title}\nYour previous answer was not a valid specification (${previousError}). Answer again with the JSON object only.`,
    });
  return messages;
}

export interface ChangeRequest {
  comment: string;
  previousCode: string;
  previousTests: string;
  failingTests: { name: string; error?: string }[];
}

export function coderMessages(task: TaskText, spec: BuildSpec, change?: ChangeRequest): ChatMessage[] {
  const specText = `Task: ${task.title}\nSpecification:\n${JSON.stringify(spec, null, 2)}`;
  if (!change)
    return [
      { role: "system", content: CODER_SYSTEM },
      { role: "user", content: specText },
    ];
  const failing = change.failingTests.length
    ? change.failingTests.map((t) => `- ${t.name}: ${t.error ?? "failed"}`).join("\n")
    : "(none)";
  return [
    { role: "system", content: CODER_SYSTEM },
    {
      role: "user",
      content: `${specText}\n\nReviewer's change request on your previous version: ${change.comment}\n\nFailing tests:\n${failing}\n\nPrevious solution.ts:\n\`\`\`ts\n${change.previousCode}\n\`\`\`\n\nPrevious solution.test.ts:\n\`\`\`ts\n${change.previousTests}\n\`\`\`\n\nAnswer with the two corrected code blocks.`,
    },
  ];
}

// Models wrap JSON in prose or ``` fences; take the outermost object and parse it.
function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(text)?.[1];
  const body = fenced ?? text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start < 0 || end <= start) throw new Error("The answer holds no JSON object.");
  return JSON.parse(body.slice(start, end + 1));
}

/** The planner's answer as a valid spec, or what is wrong with it (sent back on the retry). */
export function parseSpec(text: string): { spec: BuildSpec } | { error: string } {
  try {
    const parsed = buildSpec.safeParse(extractJson(text));
    if (parsed.success) return { spec: parsed.data };
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.join(".") || "spec"}: ${issue?.message ?? "invalid"}` };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "not JSON" };
  }
}

export interface CoderOutput {
  code: string;
  tests: string;
}

/** The coder answers with two fenced TypeScript blocks: the solution, then its tests. */
export function parseCoderOutput(text: string): CoderOutput | null {
  const blocks = [...text.matchAll(/```(?:ts|typescript|js|javascript)?[^\n]*\n([\s\S]*?)```/g)].map((m) =>
    (m[1] ?? "").trim(),
  );
  if (blocks.length === 0 || !blocks[0]) return null;
  return { code: blocks[0], tests: blocks[1] ?? "" };
}
