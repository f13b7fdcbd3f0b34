// One process of the two-process rate-limit test: opens the shared Postgres and fires a burst of
// requests at one key at once, printing how many were allowed.
import { createDb } from "../client.ts";
import { consumeRateLimit } from "./consumeRateLimit.ts";

const env = process.env;
const handle = await createDb({ url: env.DATABASE_URL, migrate: false, cache: false });
const rule = { key: env.RATE_LIMIT_KEY ?? "two-proc", limit: Number(env.RATE_LIMIT), windowSeconds: 3600 };
// Both processes wait for the same moment, so their bursts overlap however long each took to start.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(env.START_AT) - Date.now())));
const decisions = await Promise.all(
  Array.from({ length: Number(env.REQUESTS) }, () => consumeRateLimit(handle.db, rule)),
);
await handle.close();
process.stdout.write(JSON.stringify({ allowed: decisions.filter((d) => d.allowed).length }));
