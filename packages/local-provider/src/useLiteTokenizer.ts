// The model's sentencepiece tokenizer, step for step as @energetic-ai/embeddings runs it (same trie, same
// scores added in the same order, same tie-breaks), minus its one slow habit: it copies the rest of the
// text at every character, about 25 ms for 1,500 characters against a few tenths of a millisecond here.
// useLiteTokenizer.test.ts checks the ids against the package's own encode().
import { EmbeddingsModel } from "@energetic-ai/embeddings";
import type { Vocabulary } from "./useLiteModelFiles.ts";

const WORD_START = "\u2581";
// Past this many characters only a prefix is read, cut at a space (see encodeFirst).
const PREFIX_CHARS = 4096;

type TrieNode = { end: boolean; children: Record<string, TrieNode>; word: [string[], number | null, number] };

export type UseLiteTokenizer = {
  /** The ids the package's tokenizer gives for the whole text. */
  encode: (text: string) => number[];
  /** encode(text).slice(0, max), reading only a prefix of a very long text. */
  encodeFirst: (text: string, max: number) => number[];
};

export function createUseLiteTokenizer(vocabulary: Vocabulary): UseLiteTokenizer {
  // EmbeddingsModel only keeps the graph it is given; it is built here for its tokenizer's trie.
  const { tokenizer } = new EmbeddingsModel({
    vocabulary: vocabulary as [string, number][],
    model: undefined as never,
  });
  const root = tokenizer.trie.root as unknown as TrieNode;
  // Pieces are walked back by their UTF-16 length, so the prefix rule also needs no astral characters.
  const prefixIsSafe =
    vocabulary.some(([piece]) => piece === WORD_START) &&
    vocabulary.every(([piece]) => piece.indexOf(WORD_START, 1) === -1 && [...piece].length === piece.length);

  const encode = (input: string): number[] => {
    const normalized = input.normalize("NFKC");
    if (normalized.length === 0) return [];
    const symbols = [...(WORD_START + normalized.replace(/ /g, WORD_START))];
    const n = symbols.length;
    const best = new Array<number>(n + 1).fill(0);
    const words = new Array<number>(n + 1).fill(0);
    // The package visits, for each end position, the pieces by ascending start; relaxing forward from
    // each start in order makes the same comparisons in the same order.
    const relax = (start: number, end: number, score: number | null, index: number) => {
      const total = (score ?? 0) + (best[start] as number);
      if (best[end] === 0 || total >= (best[end] as number)) {
        best[end] = total;
        words[end] = index;
      }
    };
    for (let start = 0; start < n; start++) {
      let node: TrieNode | undefined = root.children[symbols[start] as string];
      let matched = false;
      for (let at = start; at < n && node; at++) {
        if (node.end) {
          relax(start, at + 1, node.word[1], node.word[2]);
          matched = true;
        }
        node = node.children[symbols[at + 1] as string];
      }
      // An unknown character is one piece with id 0 and score 0.
      if (!matched) relax(start, start + 1, 0, 0);
    }
    const pieces: number[] = [];
    for (let at = n; at > 0; at -= (vocabulary[words[at] as number] as [string, unknown])[0].length) {
      pieces.push(words[at] as number);
    }
    // A run of unknown characters becomes one id 0.
    const merged = pieces.filter((id, i) => !(id === 0 && i > 0 && pieces[i - 1] === 0));
    return merged.reverse();
  };

  return {
    encode,
    encodeFirst(text, max) {
      // Every piece that holds "▁" starts with it and "▁" is a piece, so the segmentation has a boundary
      // before each space: a prefix cut at a space gives a prefix of the whole text's ids.
      const cut = prefixIsSafe && text.length > PREFIX_CHARS ? text.indexOf(" ", PREFIX_CHARS) : -1;
      if (cut !== -1) {
        const ids = encode(text.slice(0, cut));
        if (ids.length >= max) return ids.slice(0, max);
      }
      return encode(text).slice(0, max);
    },
  };
}
