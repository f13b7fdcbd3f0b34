// Idempotency keys for the chain's model calls: the same todo text, run, step and revision always give
// the same key, so a retried step replays the stored answer instead of paying for a second one.
import { createHash } from "node:crypto";

export type BuildStep = "plan" | "plan-retry" | "plan-strong" | "code";

export interface KeyParts {
  todoId: string;
  /** The todo's text, so editing the task never replays an answer to the old one. */
  todoText: string;
  run: number;
  step: BuildStep;
  revision: number;
}

// #region build-key
export function buildIdempotencyKey(p: KeyParts): string {
  const text = createHash("sha256").update(p.todoText).digest("hex").slice(0, 10);
  return `build:${p.todoId}:${text}:run${p.run}:${p.step}:r${p.revision}`;
}
// #endregion
