// Chapter 2: the store. Opens an embedded PGlite in memory (the same code opens a Postgres server when
// DATABASE_URL is set), applies the committed migrations, stores three todos with real 512-d embeddings
// and asks pgvector for the nearest ones to a phrase.
import { createDb, todos } from "@switchyard/db";
import { embedTexts, LOCAL_EMBEDDING_MODEL } from "@switchyard/local-provider/embedder";
import { cosineDistance } from "drizzle-orm";

// #region open
const { db, label, migrations, ping, close } = await createDb({
  dataDir: process.env.DATABASE_URL ? undefined : "memory://",
});
console.log(`database: ${label}`);
console.log(`migrations: ${migrations?.applied} applied of ${migrations?.total}`);
console.log("ping:", await ping());
// #endregion

// #region insert-and-search
const titles = ["Buy milk and eggs", "Renew the passport", "Fix the flaky login test"];
const vectors = await embedTexts(titles);
await db.insert(todos).values(
  titles.map((title, i) => ({
    owner: "tutorial",
    title,
    embedding: vectors[i],
    embeddingModel: LOCAL_EMBEDDING_MODEL,
  })),
);

const [query] = await embedTexts(["groceries"]);
const distance = cosineDistance(todos.embedding, query!);
const nearest = await db.select({ title: todos.title, distance }).from(todos).orderBy(distance).limit(3);
for (const row of nearest) console.log(`${Number(row.distance).toFixed(3)}  ${row.title}`);
// #endregion

await close();
