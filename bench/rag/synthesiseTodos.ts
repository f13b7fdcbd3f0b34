// 10k realistic todo vectors without 10k model calls: each synthetic todo mixes two really embedded
// sentences (a main one at weight 0.75-1, a second at 0-0.35) plus small Gaussian noise, renormalised.
// The vectors stay on the model's manifold, clustered by topic like real todos, and distinct (no
// duplicates that would make nearest-neighbour search artificially easy or ambiguous). The text is the
// two sentences, so full-text search has real words to match.
import { gaussian, seededRandom } from "./seededRandom.ts";

export interface SyntheticTodo {
  title: string;
  notes: string;
  embedding: number[];
}

export function normalise(v: number[]): number[] {
  let norm = 0;
  for (const x of v) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return v.map((x) => x * scale);
}

export function synthesiseTodos(
  base: { text: string; embedding: number[] }[],
  count: number,
  seed = 11,
  noise = 0.02,
): SyntheticTodo[] {
  const random = seededRandom(seed);
  const normal = gaussian(random);
  const pick = () => base[Math.floor(random() * base.length)]!;
  const todos: SyntheticTodo[] = [];
  for (let i = 0; i < count; i++) {
    const main = pick();
    const second = pick();
    const a = 0.75 + 0.25 * random();
    const b = 0.35 * random();
    const mixed = main.embedding.map((x, d) => a * x + b * second.embedding[d]! + noise * normal());
    todos.push({
      title: main.text,
      notes: b > 0.2 ? `also: ${second.text}` : "",
      embedding: normalise(mixed),
    });
  }
  return todos;
}
