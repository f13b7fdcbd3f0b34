// Chapter 15: your own gateway. Starts one on a throwaway database (PGlite served over the wire, as
// DATABASE_URL would be), makes a virtual key with `pnpm gateway:keys`, calls the gateway from curl, the
// openai SDK and LangChain, reads the key's spend, and runs a second instance that shares its limits.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ChatOpenAI } from "@langchain/openai";
import { createDb, createGatewayKey, llmCalls, startPgliteServer, users } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { and, count, eq, sum } from "drizzle-orm";
import OpenAI from "openai";
import { startGateway } from "../../apps/gateway/src/index.ts";

process.env.SWITCHYARD_LOG_LEVEL ??= "error";
const repoRoot = path.resolve(import.meta.dirname, "../..");
// Asynchronous: the database and the gateway answer from this very process while the commands run.
const run = promisify(execFile);
const provider = await startLocalProvider();
const pg = await startPgliteServer({ dataDir: "memory://", port: 0 });
const env = { ...process.env, DATABASE_URL: pg.url, LOCAL_PROVIDER_URL: provider.url };
const setup = await createDb({ url: pg.url, cache: false });
await setup.db.insert(users).values({ id: "u-dana", name: "Dana", email: "dana@example.com" });

// #region start
const gateway = await startGateway({ port: 0, env }); // pnpm --filter @switchyard/gateway start
console.log(`gateway on ${gateway.url}`);
// #endregion

// #region make-key
const { stdout: created } = await run(
  "pnpm",
  ["--silent", "gateway:keys", "create", "--name", "notebook", "--owner", "dana@example.com"].concat([
    "--daily",
    "1",
    "--monthly",
    "10",
    "--rpm",
    "4",
    "--models",
    "auto,fast,embeddings",
    "--json",
  ]),
  { cwd: repoRoot, env, encoding: "utf8" },
);
const { id, key } = JSON.parse(created) as { id: string; key: string };
console.log(`key ${id}: ${key.slice(0, 10)}… (shown once; only its hash is stored)`);
// #endregion

const { stdout: curl } = await run("bash", [path.join(import.meta.dirname, "15-gateway-curl.sh")], {
  env: { ...env, GATEWAY: gateway.url, KEY: key },
  encoding: "utf8",
});
// Each answer cut to its first 120 characters: the whole bodies are in the chapter.
const lines = curl.trim().split("\n").filter(Boolean);
console.log(`curl:\n${lines.map((l) => (l.length > 120 ? `${l.slice(0, 120)}…` : l)).join("\n")}`);

// #region openai-sdk
const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key });
const answer = await client.chat.completions.create({
  model: "fast",
  messages: [{ role: "user", content: "What is a gateway?" }],
});
console.log(`openai SDK: ${answer.choices[0]?.message.content?.slice(0, 60)}…`);
const refused = await client.chat.completions
  .create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] })
  .catch((e: InstanceType<typeof OpenAI.APIError>) => `${e.status} ${e.code}`);
console.log(`a model the key may not use: ${refused}`);
// #endregion

// #region langchain
const chat = new ChatOpenAI({ model: "auto", apiKey: key, configuration: { baseURL: `${gateway.url}/v1` } });
const reply = await chat.invoke("Name one use of an API key.");
console.log(`LangChain: ${String(reply.content).slice(0, 60)}…`);
// #endregion

// #region spend
await gateway.flush(); // the gateway writes its ledger in batches a tenth of a second apart
const [spent] = await setup.db
  .select({ requests: count(), usd: sum(llmCalls.costUsd) })
  .from(llmCalls)
  .where(and(eq(llmCalls.keyId, id), eq(llmCalls.kind, "request")));
console.log(`ledger: ${spent?.requests} requests under ${id}, $${Number(spent?.usd).toFixed(6)}`);
// #endregion

// #region two-instances
const second = await startGateway({ port: 0, env }); // another process, the same DATABASE_URL
const shared = await createGatewayKey(setup.db, { name: "shared", ownerId: "u-dana", rpm: 3 });
const statuses = [];
for (const url of [gateway.url, second.url, gateway.url, second.url]) {
  const res = await fetch(`${url}/v1/embeddings`, {
    method: "POST",
    headers: { authorization: `Bearer ${shared.secret}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "auto", input: "milk" }),
  });
  await res.arrayBuffer();
  statuses.push(
    `${res.status}${res.status === 429 ? ` (Retry-After ${res.headers.get("retry-after")} s)` : ""}`,
  );
}
console.log(`3 requests a minute, sent to A, B, A, B: ${statuses.join(", ")}`);
// #endregion

await Promise.all([second.close(), gateway.close()]);
await setup.close();
await Promise.all([provider.close(), pg.close()]);
