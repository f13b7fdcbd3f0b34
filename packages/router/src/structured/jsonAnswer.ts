// Reads a structured answer: the JSON in a model's text (bare, in a code fence, or with prose around
// it, as models asked by instruction sometimes write it), checked against the caller's zod schema.
import type { z } from "zod";

export type CheckedAnswer<T> =
  | { success: true; data: T }
  | { success: false; reason: string; issues: string[] };

const fence = /```(?:json)?\s*([\s\S]*?)```/;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const candidates = [text.trim()];
  const fenced = fence.exec(text)?.[1];
  if (fenced) candidates.push(fenced.trim());
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf("}"), text.lastIndexOf("]"));
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  for (const candidate of candidates) {
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch {
      // the next reading
    }
  }
  return { ok: false };
}

/** The answer's data, or why it is not valid (paths and messages only: never the model's text). */
export function checkAnswer<S extends z.ZodType>(text: string, schema: S): CheckedAnswer<z.output<S>> {
  const json = parseJson(text);
  if (!json.ok) return { success: false, reason: "no JSON in the answer", issues: [] };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { success: true, data: parsed.data };
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "answer"}: ${i.message}`);
  return { success: false, reason: "the JSON does not match the schema", issues };
}
