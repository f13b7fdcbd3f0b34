// Fixed replies for requests that match a pattern: the simulated model cannot write code, so demos
// that need a real-looking answer (the planner -> coder chain) ship their replies as fixtures.
import { readFileSync } from "node:fs";
import { z } from "zod";

const regex = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "i");
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

export const scriptedResponseSchema = z.object({
  /** A name shown in `x_switchyard.script`, so a reader knows which fixture answered. */
  name: z.string().optional(),
  /** Regular expression (case-insensitive) tested against the last user message. */
  pattern: regex,
  /** Optional regular expression (case-insensitive) tested against the system messages joined. */
  systemPattern: regex.optional(),
  /** Optional exact model id; absent means any chat model. */
  model: z.string().optional(),
  /** The assistant message content, returned verbatim (no simulation marker). */
  response: z.string(),
  /** Usage details to report, so a client's handling of each can be tested (OpenAI's names). */
  usage: z
    .object({
      /** Of prompt_tokens, read from the cache (prompt_tokens_details.cached_tokens). */
      cached_tokens: z.number().int().min(0).optional(),
      /** Of prompt_tokens, written to the cache (prompt_tokens_details.cache_write_tokens). */
      cache_write_tokens: z.number().int().min(0).optional(),
      /** Spent reasoning: added to completion_tokens (completion_tokens_details.reasoning_tokens). */
      reasoning_tokens: z.number().int().min(0).optional(),
      /** false leaves usage.cost out, like a provider that does not price its answers. */
      cost: z.boolean().optional(),
    })
    .optional(),
});
export type ScriptedResponse = z.infer<typeof scriptedResponseSchema>;

export function loadScripts(path: string): ScriptedResponse[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read scripted responses ${path}: ${(err as Error).message}`);
  }
  const parsed = z.array(scriptedResponseSchema).safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid scripted responses in ${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The first script whose patterns match, or undefined. */
export function findScript(
  scripts: ScriptedResponse[],
  input: { model: string; lastUser: string; system: string },
): ScriptedResponse | undefined {
  return scripts.find(
    (s) =>
      (s.model === undefined || s.model === input.model) &&
      new RegExp(s.pattern, "i").test(input.lastUser) &&
      (s.systemPattern === undefined || new RegExp(s.systemPattern, "i").test(input.system)),
  );
}
