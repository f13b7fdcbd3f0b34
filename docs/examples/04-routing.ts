// Chapter 4: routing by complexity. Scores a few prompts with the learned classifier, shows how the
// cost/quality dial moves the threshold, then lets the router pick Haiku or GPT-4o for two of them.
import { createComplexityClassifier } from "@switchyard/complexity";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";

const prompts = [
  "What is the capital of France?",
  "Remind me what is on my shopping list.",
  "Let f(x) = x^3 - 6x^2 + 11x - 6. Find all real roots, then compute the integral of f from 0 to 4, " +
    "and show each step of your derivation. Then prove that f has no other roots.",
];

// #region classify
const classifier = createComplexityClassifier(); // default dial: { quality: 0.95 }
for (const prompt of prompts) {
  const { score, threshold, reasons } = await classifier.classify({
    messages: [{ role: "user", content: prompt }],
  });
  const tier = score >= threshold ? "strong" : "fast";
  console.log(`${score.toFixed(2)} ${tier.padEnd(6)} ${prompt.slice(0, 48)}…  (${reasons.join("; ")})`);
}
// #endregion

// #region dial
for (const target of [{ quality: 0.95 }, { strongShare: 0.3 }, { strongShare: 0.5 }]) {
  const { threshold } = await createComplexityClassifier({ target }).classify({
    messages: [{ role: "user", content: "hi" }],
  });
  console.log(`dial ${JSON.stringify(target)} -> threshold ${threshold.toFixed(3)}`);
}
// #endregion

// #region route
const provider = await startLocalProvider();
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url, classifier });
for (const prompt of [prompts[0]!, prompts[2]!]) {
  const { routing } = await router.chat({ model: "auto", messages: [{ role: "user", content: prompt }] });
  console.log(
    `auto -> ${routing.modelUsed} (tier ${routing.tier}, score ${routing.score?.toFixed(2)}, $${routing.costUsd.toFixed(6)})`,
  );
}
// #endregion

await router.close();
await provider.close();
