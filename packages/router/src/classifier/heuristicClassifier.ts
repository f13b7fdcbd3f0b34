// A transparent stand-in for the learned classifier (@switchyard/complexity): long prompts and
// multi-step, reasoning or code requests score higher. Good enough for scripts and tests.
import type { Classifier, ComplexityInput, ComplexityVerdict } from "./classifier.ts";

const signals: [RegExp, number, string][] = [
  [/\b(why|explain|compare|trade-?offs?|analy[sz]e|prove|derive)\b/i, 0.25, "asks for reasoning"],
  [/\b(plan|order|steps?|prioriti[sz]e|schedule|block(s|ing)?)\b/i, 0.2, "multi-step planning"],
  [/```|\b(function|class|regex|sql|typescript|python)\b/i, 0.25, "involves code"],
  [/\b(and then|after that|in what order|which of)\b/i, 0.15, "several constraints"],
];

export const heuristicClassifier: Classifier = {
  classify({ messages }: ComplexityInput): ComplexityVerdict {
    const last = [...messages].reverse().find((m) => m.role === "user");
    const text =
      typeof last?.content === "string"
        ? last.content
        : (last?.content ?? []).map((p) => (p.type === "text" ? p.text : "")).join(" ");
    let score = Math.min(0.3, text.length / 2000);
    const reasons: string[] = [];
    if (text.length > 300) reasons.push("long prompt");
    for (const [pattern, weight, reason] of signals) {
      if (pattern.test(text)) {
        score += weight;
        reasons.push(reason);
      }
    }
    if (reasons.length === 0) reasons.push("short, simple request");
    return { score: Math.min(1, score), reasons, threshold: 0.5 };
  },
};
