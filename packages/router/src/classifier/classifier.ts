// The router asks a classifier how likely the cheap model is to fail a request. The learned one lives in
// @switchyard/complexity; this file holds the contract and a trivial stand-in for scripts and tests.
import type { ChatMessage } from "@switchyard/wire";

export interface ComplexityInput {
  messages: ChatMessage[];
  /** The prompt's 512-d local sentence embedding, when the caller already has it. */
  embedding?: number[];
}

export interface ComplexityVerdict {
  /** Likelihood in [0, 1] that the cheap model fails this request. */
  score: number;
  /** The strongest reasons for the score, most important first, in plain words. */
  reasons: string[];
  /** The score at or above which the request goes to the strong tier. */
  threshold: number;
}

export interface Classifier {
  classify(input: ComplexityInput): Promise<ComplexityVerdict> | ComplexityVerdict;
}
