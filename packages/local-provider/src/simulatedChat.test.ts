import { describe, expect, it } from "vitest";
import { simulateAnswer } from "./simulatedChat.ts";

const brief = {
  kind: "chat",
  name: "Sim",
  style: "brief",
  contextLength: 1000,
  pricing: { prompt: 0, completion: 0, image: 0 },
} as const;

describe("the simulated model", () => {
  it("picks the context lines that share the question's words", () => {
    const answer = simulateAnswer("local/sim-haiku", brief, [
      {
        role: "system",
        content: "Paris is the capital of France.\nThe Nile flows through Egypt.\nTokyo hosts many museums.",
      },
      { role: "user", content: "Which river flows through Egypt?" },
    ]);
    expect(answer).toContain("The Nile flows through Egypt.");
    expect(answer).not.toContain("Paris");
  });

  it("finds the question after context pasted into the same user message", () => {
    const answer = simulateAnswer("local/sim-haiku", brief, [
      {
        role: "user",
        content:
          "Context:\n- renew passport before June\n- water the plants\nQuestion: when is the passport due?",
      },
    ]);
    expect(answer).toContain("renew passport before June");
    expect(answer).toContain('"when is the passport due?"');
  });

  it("says plainly that it has no context when none was given", () => {
    const answer = simulateAnswer("local/sim-haiku", brief, [{ role: "user", content: "What is love?" }]);
    expect(answer).toContain("none was given");
  });
});
