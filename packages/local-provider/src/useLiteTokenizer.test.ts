import { EmbeddingsModel } from "@energetic-ai/embeddings";
import { describe, expect, it } from "vitest";
import { readUseLiteVocabulary } from "./useLiteModelFiles.ts";
import { createUseLiteTokenizer } from "./useLiteTokenizer.ts";

const vocabulary = readUseLiteVocabulary();
const ours = createUseLiteTokenizer(vocabulary);
const { tokenizer: packages } = new EmbeddingsModel({
  vocabulary: vocabulary as [string, number][],
  model: undefined as never,
});

const texts = [
  "",
  " ",
  "hello",
  "  leading and trailing  ",
  "What is 2+2?",
  "naïve café, 日本語のテキスト, 😀😀 and ünïcödé; ﬁ ① ＡＢＣ",
  "The blank is _________. Choose: A. one B. two",
  "no\u00a0break\u00a0space and tabs\tand\nnew lines",
  "const f = (x: number[]) => x.map((y) => y * 2); // :) ://",
  "Prove that the square root of two is irrational, then generalise. ".repeat(12),
];

describe("USE lite tokenizer", () => {
  it("gives the package tokenizer's ids", () => {
    for (const text of texts) expect(ours.encode(text), text).toEqual(packages.encode(text));
  });

  it("reads only a prefix of a very long text and still gives its first ids", () => {
    const long = `${"Summarise the following report in three bullet points. ".repeat(120)}😀 end`;
    expect(ours.encodeFirst(long, 128)).toEqual(packages.encode(long).slice(0, 128));
    const noSpaces = "ab😀".repeat(1500);
    expect(ours.encodeFirst(noSpaces, 128)).toEqual(packages.encode(noSpaces).slice(0, 128));
  });
});
