// Chapter 14, the todo assistant: the app's own loop (LangChain's ChatOpenAI with bindTools through
// router.fetch, tool messages, a step cap) on the local provider's simulated tool calling. Three
// requests become proposal cards; one is approved twice and creates one todo; a question is answered
// from a search and cites only the relevant todo.
import { createDb } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import { applyProposal } from "../../apps/todo/lib/assistant/applyProposal.ts";
import { runAssistant } from "../../apps/todo/lib/assistant/assistantLoop.ts";
import { createEmbeddingBackfill } from "../../apps/todo/lib/embeddingBackfill.ts";
import { routerEmbedder } from "../../apps/todo/lib/todoEmbedder.ts";
import { listTodos } from "../../apps/todo/lib/todoRepository.ts";
import { createTodo } from "../../apps/todo/lib/todoWrites.ts";

const provider = await startLocalProvider();
const { db, close } = await createDb({ dataDir: "memory://" });
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url });
const owner = "tutorial";
const embedder = routerEmbedder(router);
// A Thursday, so "next Friday" and "Monday" read the same on every run.
const deps = {
  db,
  embedder,
  backfill: createEmbeddingBackfill(db, embedder),
  router,
  today: () => "2026-12-03",
};
for (const title of [
  "book a dentist appointment for the cracked molar",
  "file the VAT return",
  "buy milk and eggs",
])
  await createTodo(deps, owner, { title, notes: "", priority: 0, dueDate: null, tags: [] });

// #region turns
for (const message of [
  "Remind me to renew the car insurance next Friday, high priority",
  "I've done the dentist one",
  "move the VAT return to Monday",
  "what's on my list about teeth?",
]) {
  const reply = await runAssistant(deps, owner, message);
  console.log(`> ${message}  (${reply.steps} step${reply.steps === 1 ? "" : "s"})`);
  for (const card of reply.proposals) console.log(`  card: ${card.summary}`);
  if (reply.proposals.length === 0) console.log(`  sources: ${reply.sources.map((s) => s.title).join("; ")}`);
  if (message.startsWith("Remind")) {
    const [a, b] = await Promise.all(
      reply.proposals.flatMap((p) => [applyProposal(deps, owner, p), applyProposal(deps, owner, p)]),
    );
    console.log(`  approved twice: replay ${a?.replay}/${b?.replay}, same todo ${a?.todo.id === b?.todo.id}`);
  }
}
// #endregion
const titles = (await listTodos(db, owner)).map((t) => `${t.title} (${t.status}, due ${t.dueDate ?? "-"})`);
console.log(`todos: ${titles.join("; ")}`);

await router.close();
await close();
await provider.close();
