// The RouteLLM evaluation rows (GSM8K and MMLU prompts graded for a weak and a strong model), validated.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const routeEvalRow = z.object({
  source: z.string().min(1),
  prompt: z.string(),
  weak_correct: z.boolean(),
  strong_correct: z.boolean(),
  subject: z.string().optional(),
});
export type RouteEvalRow = z.infer<typeof routeEvalRow>;

export const DATA_FILE = new URL("../../data/train.jsonl", import.meta.url).pathname;
export const EMBEDDING_CACHE_FILE = new URL("../../.cache/embeddings.bin", import.meta.url).pathname;

export function loadRows(file = DATA_FILE): RouteEvalRow[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = routeEvalRow.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
