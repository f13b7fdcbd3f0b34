// Chapter 16: pictures and files in, todos out, with the todo app's own import code. A screenshot of
// a list (the e2e fixture, drawn by the local provider's test helper) is read offline by OCR and the
// simulated model through router.structured(); a 50-row CSV by csv-parse; the preview is edited and
// saved in one transaction under an Idempotency-Key; a file of another type is refused. Times each step.
import { readFileSync } from "node:fs";
import { createDb } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import { createEmbeddingBackfill } from "../../apps/todo/lib/embeddingBackfill.ts";
import { extractImport } from "../../apps/todo/lib/import/extractImport.ts";
import { saveImport } from "../../apps/todo/lib/import/saveImport.ts";
import { routerEmbedder } from "../../apps/todo/lib/todoEmbedder.ts";
import { listTodos } from "../../apps/todo/lib/todoRepository.ts";

const provider = await startLocalProvider();
const { db, close } = await createDb({ dataDir: "memory://" });
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url });
const owner = "tutorial";
const routing = { userId: owner };
const embedder = routerEmbedder(router);
const deps = { db, embedder, backfill: createEmbeddingBackfill(db, embedder) };
const ms = (started: number) => `${Math.round(performance.now() - started)} ms`;

// #region picture
const screenshot = readFileSync(new URL("../../apps/todo/e2e/fixtures/list-screenshot.png", import.meta.url));
const picture = { name: "list.png", type: "image/png", dataBase64: screenshot.toString("base64") };
for (const run of ["cold", "warm"]) {
  const started = performance.now();
  const preview = await extractImport({ router }, picture, routing);
  console.log(`picture (${run}): ${preview.rows.length} rows by ${preview.model} in ${ms(started)}`);
  if (run === "warm")
    for (const r of preview.rows) console.log(`  ${r.title} | ${r.dueDate} | ${r.priority}`);
}
// #endregion

// #region csv
const csv = [
  "Task,Due,Priority,Tags",
  ...Array.from(
    { length: 50 },
    (_, i) => `Task ${i + 1},2026-12-${String((i % 28) + 1).padStart(2, "0")},high,"home, q4"`,
  ),
].join("\n");
let started = performance.now();
const preview = await extractImport(
  { router },
  { name: "tasks.csv", type: "text/csv", dataBase64: Buffer.from(csv).toString("base64") },
  routing,
);
console.log(`csv: ${preview.rows.length} rows in ${ms(started)}`);

const edited = preview.rows.map((r, i) => (i === 0 ? { ...r, title: "Task 1, edited in the preview" } : r));
started = performance.now();
const first = await saveImport(deps, owner, edited, "import-example-1", routing);
console.log(`saved ${first.value.todos.length} todos in one transaction in ${ms(started)}`);
const again = await saveImport(deps, owner, edited, "import-example-1", routing);
console.log(
  `same key again: replay ${again.replay}; todos in the store: ${(await listTodos(db, owner)).length}`,
);
// #endregion

// #region refused
try {
  await extractImport(
    { router },
    { name: "notes.txt", type: "text/plain", dataBase64: "YnV5IG1pbGs=" },
    routing,
  );
} catch (error) {
  const { code, status, message } = error as { code: string; status: number; message: string };
  console.log(`${status} ${code}: ${message}`);
}
// #endregion

await router.close();
await close();
await provider.close();
