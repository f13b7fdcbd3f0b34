// Chapter 4: the todo app's dial and the feedback loop, offline, with the app's own code. A user's stop
// moves a borderline question between the tiers, the dial prices today's questions at every stop from the
// ledger's scores, and a graded, shared answer becomes a training row for `pnpm router:train --with-feedback`.
import { createComplexityClassifier, feedbackTrainingRows } from "@switchyard/complexity";
import { createDb, createRouterStores } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import { createAskChain } from "../../apps/todo/lib/askChain.ts";
import { dialView, todaysScoredQuestions } from "../../apps/todo/lib/dial/dialToday.ts";
import { saveUserDialStop, userDialStop } from "../../apps/todo/lib/dial/userDial.ts";
import { saveAnswerFeedback } from "../../apps/todo/lib/feedback/answerFeedback.ts";
import { routerEmbedder } from "../../apps/todo/lib/todoEmbedder.ts";

const provider = await startLocalProvider();
const { db, close } = await createDb({ dataDir: "memory://" });
// As getRouter("todo") builds it: the todo dial's classifier and the Postgres ledger.
const router = createRouter({
  app: "todo",
  localProviderUrl: provider.url,
  classifier: createComplexityClassifier({ app: "todo" }),
  ledger: createRouterStores(db).ledger,
});
const chain = createAskChain({ embedder: routerEmbedder(router), retrieve: async () => [], router });
const owner = "tutorial";

// #region dial
// What POST /api/ask does: the threshold comes from the user's stored stop, never from the request.
async function ask(question: string) {
  const stop = await userDialStop(db, owner);
  const answer = await chain.invoke({ owner, question, tier: "auto", threshold: stop.threshold });
  for await (const _ of answer.stream);
  const { routing } = await answer.stream.result;
  const [score, threshold] = [routing.score?.toFixed(3), routing.threshold?.toFixed(3)];
  console.log(`at ${stop.name.padEnd(8)} score ${score} vs ${threshold} -> ${routing.tier}: ${question}`);
  return routing;
}

const LOAN = "Derive the formula for the monthly payment of an amortised loan from first principles.";
await saveUserDialStop(db, owner, "cheapest");
const cheapAnswer = await ask(LOAN);
await saveUserDialStop(db, owner, "balanced");
await ask(LOAN);
await ask("Do I need milk?");
// #endregion

// #region today
// What GET /api/dial shows: today's scored questions re-tiered at each stop, priced at that tier's model.
await router.flush();
const questions = await todaysScoredQuestions(db, owner, new Date());
const view = dialView("balanced", questions, router.catalogModels());
for (const stop of view.stops) {
  const share = `${Math.round(stop.expectedStrongShare * 100)}% strong`;
  const today = `today ${stop.today.strong} strong + ${stop.today.fast} fast = $${stop.today.costUsd.toFixed(6)}`;
  console.log(`${stop.name.padEnd(8)} threshold ${stop.threshold.toFixed(3)}, ${share}; ${today}`);
}
// #endregion

// #region feedback
// The user says the cheap answer was not enough and ticks "share", so the question is kept with the grade.
const scope = { userId: owner, app: "todo" };
await saveAnswerFeedback(db, scope, cheapAnswer.requestId, { label: "strong", question: LOAN });
// Another user cannot grade it: the ledger row is not theirs (the route answers 404).
const foreign = { userId: "someone-else", app: "todo" };
console.log(
  "someone else's grade:",
  await saveAnswerFeedback(db, foreign, cheapAnswer.requestId, { label: "fast", question: null }),
);
// What `pnpm router:train --with-feedback` adds to the training part.
for (const row of await feedbackTrainingRows(db, "todo")) console.log(JSON.stringify(row));
// #endregion

await router.close();
await close();
await provider.close();
