// Chapter 10: AI builds AI. The todo app's planner -> coder chain on the local provider's scripted
// samples (the simulated model cannot write code; these fixed answers stand in for one), checked in the
// sandbox, with a human review in between: the first revision has an off-by-one that the spec's tests
// catch, a change request produces a second revision, and it is approved.
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import { runInSandbox } from "@switchyard/sandbox";
import { createBuildChain } from "../../apps/todo/lib/build/buildChain.ts";
import { memoryBuildStore } from "../../apps/todo/lib/build/buildStore.ts";
import type { Build } from "../../apps/todo/lib/build/buildTypes.ts";

const provider = await startLocalProvider();
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url });

function show(build: Build) {
  const r = build.revisions.at(-1);
  const failed = r?.check?.tests.filter((t) => t.status === "failed").map((t) => t.name) ?? [];
  console.log(
    `revision ${r?.n}: ${r?.check?.tests.length} tests, ${failed.length} failed${failed.length ? ` (${failed.join("; ")})` : ""}; status ${build.status}`,
  );
}

// #region build
const chain = createBuildChain({ router, runChecks: runInSandbox, store: memoryBuildStore() });
const todo = { id: "todo-1", title: "Split an array into chunks of size n", notes: "" };

const first = await (await chain.start("me", todo)).done;
console.log(`spec: ${first.spec?.signature}`);
for (const call of [...first.planCalls, first.revisions[0]!.call])
  console.log(
    `  ${call.step}: ${call.modelUsed} (tier ${call.tier}), $${call.costUsd.toFixed(6)}, scripted ${call.scripted}`,
  );
show(first);

const second = await (
  await chain.review("me", todo.id, "request_changes", 1, "The last partial chunk is lost.")
).done;
show(second);

const approved = await (await chain.review("me", todo.id, "approve", 2)).done;
console.log(
  `reviews: ${approved.reviews.map((r) => `${r.action} r${r.revision}`).join(", ")}; status ${approved.status}`,
);
// #endregion

await router.close();
await provider.close();
