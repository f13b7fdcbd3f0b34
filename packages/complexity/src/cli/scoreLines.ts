// The score CLI's line handling, apart from stdin/stdout so it can be tested directly. Every input line
// gets exactly one output line, in order: a bad line gets {"score": null} (and a message on stderr)
// so the output still lines up with the input. With `--app`, each line also carries the app's tier.
import { z } from "zod";

const promptLine = z.object({ prompt: z.string() }).loose();

export type ParsedLine = { ok: true; prompt: string } | { ok: false; error: string };

export function parsePromptLine(line: string): ParsedLine {
  if (line.trim().length === 0)
    return { ok: false, error: 'empty line (expected a JSON object with a "prompt" string)' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, error: "not valid JSON" };
  }
  const parsed = promptLine.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'expected a JSON object with a "prompt" string' };
  return { ok: true, prompt: parsed.data.prompt };
}

/**
 * One output line. With an app's threshold it also says where the app would route the prompt:
 * `"tier": "fast" | "strong"` (null when the line could not be scored).
 */
export function scoreLine(score: number | null, appThreshold?: number): string {
  const rounded = score === null ? null : Number(score.toFixed(6));
  if (appThreshold === undefined) return JSON.stringify({ score: rounded });
  const tier = score === null ? null : score >= appThreshold ? "strong" : "fast";
  return JSON.stringify({ score: rounded, tier });
}
