// One model call of the chain: its idempotency key, the feature the ledger files it under, and the
// record the page shows. The same todo text, run, step and revision always give the same key, so a
// retried step replays the stored answer instead of paying for a second one.
import { createHash } from "node:crypto";
import type { Router } from "@switchyard/router";
import type { ChatMessage } from "@switchyard/wire";
import type { UserRouting } from "../todoEmbedder.ts";
import type { Build, BuildStep, StepCall } from "./buildTypes.ts";

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

const FEATURE: Record<BuildStep, string> = {
  plan: "build-plan",
  "plan-retry": "build-plan",
  "plan-strong": "build-plan",
  code: "build-code",
};

/** The longest answer each step may get: it bounds the budget the router reserves before the call. */
const MAX_TOKENS: Record<BuildStep, number> = {
  plan: 2048,
  "plan-retry": 2048,
  "plan-strong": 2048,
  code: 4096,
};

/**
 * Asks `model` through the router on the build owner's behalf (`caller`: their router options, by
 * default `{ userId: build.owner }`); the answer's text and its StepCall.
 */
export async function callBuildModel(
  router: Pick<Router, "chat">,
  build: Build,
  step: BuildStep,
  revision: number,
  model: string,
  messages: ChatMessage[],
  caller: UserRouting = { userId: build.owner },
): Promise<{ text: string; call: StepCall }> {
  const idempotencyKey = buildIdempotencyKey({
    todoId: build.todoId,
    todoText: `${build.task.title}\n${build.task.notes}`,
    run: build.run,
    step,
    revision,
  });
  const { text, response, routing } = await router.chat(
    { model, messages, temperature: 0, max_tokens: MAX_TOKENS[step] },
    { feature: FEATURE[step], ...caller, idempotencyKey },
  );
  const extra = (response as { x_switchyard?: { scripted?: boolean } }).x_switchyard;
  return {
    text,
    call: {
      step,
      revision,
      idempotencyKey,
      modelRequested: model,
      modelUsed: routing.modelUsed,
      provider: routing.provider,
      tier: routing.tier,
      score: routing.score,
      reasons: routing.reasons,
      costUsd: routing.costUsd,
      latencyMs: Math.round(routing.latencyMs),
      replay: routing.replay,
      scripted: extra?.scripted === true,
    },
  };
}
