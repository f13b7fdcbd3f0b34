// Ranks context lines by how close their meaning is to the question: cosine similarity of the real
// sentence embeddings (Universal Sentence Encoder lite, embedder.ts), so "teeth" finds the dentist.
// A word the line shares with the question adds a little (USE lite puts many short lines about equally
// near a question). Lines far below the best are dropped; if the embedder cannot load, shared words decide.
import { embedTexts } from "./embedder.ts";

/** A line needs at least this similarity to count as relevant at all. */
export const MIN_SIMILARITY = 0.1;
/** Lines more than this below the best line are left out. */
const WINDOW = 0.15;
const SHARED_WORD_BONUS = 0.05;
const MAX_WORD_BONUS = 0.15;
/** Lines embedded per question at most (about 2 ms each): beyond it, the first ones are ranked. */
const MAX_LINES = 400;

export interface RankedLine {
  line: string;
  /** Position in the context, for answers that keep the given order. */
  order: number;
  /** Cosine of the question's and the line's embeddings. */
  similarity: number;
  /** What ranks it: the similarity plus the shared-word bonus. */
  score: number;
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const STOPWORDS = new Set(
  "the and for are but not you your with this that have has was were what when where which who why how can could would should will does did from into about than then them they their there these those its our out all any each some such only own same too very just also more most other over under again once here both few nor off until while being been had having".split(
    " ",
  ),
);

/** Content words, lightly stemmed; used for the fallback and for tool choice's word bonus. */
export function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? [])
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w))
      .map((w) => (w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w)),
  );
}

function wordOverlap(question: string, lines: string[]): number[] {
  const asked = contentWords(question);
  return lines.map((line) => {
    const words = contentWords(line);
    const shared = [...asked].filter((w) => words.has(w)).length;
    return asked.size === 0 ? 0 : shared / asked.size;
  });
}

/** Similarity of the question to each text, by embeddings (shared words if the model cannot load). */
export async function similarities(question: string, texts: string[]): Promise<number[]> {
  if (texts.length === 0) return [];
  try {
    const [asked, ...vectors] = await embedTexts([question, ...texts]);
    return vectors.map((v) => cosine(asked!, v));
  } catch {
    return wordOverlap(question, texts);
  }
}

/** The relevant lines, best first (ties in context order). */
export async function rankLines(lines: string[], question: string): Promise<RankedLine[]> {
  const considered = lines.slice(0, MAX_LINES);
  if (!question.trim() || considered.length === 0) return [];
  const meaning = await similarities(question, considered);
  const asked = contentWords(question);
  const ranked = considered
    .map((line, order) => {
      const shared = [...contentWords(line)].filter((w) => asked.has(w)).length;
      const similarity = meaning[order]!;
      return {
        line,
        order,
        similarity,
        score: similarity + Math.min(MAX_WORD_BONUS, shared * SHARED_WORD_BONUS),
      };
    })
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const best = ranked[0]?.score ?? 0;
  if (best < MIN_SIMILARITY) return [];
  return ranked.filter((r) => r.score >= Math.max(MIN_SIMILARITY, best - WINDOW));
}
