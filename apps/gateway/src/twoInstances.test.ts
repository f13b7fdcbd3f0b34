// Two gateway processes on one database (PGlite served over the wire): a key's requests-per-minute
// limit and its daily budget hold across both under concurrent load. Prints how many got through.
import { llmCalls } from "@switchyard/db";
import { LEASE_SHARE } from "@switchyard/router";
import { and, count as count_, eq, sum } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type GatewayProcess, type GatewayWorld, startGatewayWorld } from "./testing/gatewayWorld.ts";

let world: GatewayWorld;
let gateways: GatewayProcess[];

beforeAll(async () => {
  world = await startGatewayWorld();
  gateways = await Promise.all([world.startGateway(), world.startGateway()]);
}, 180_000);
afterAll(async () => {
  await world?.close();
});

/** `perGateway` concurrent chats to each gateway at once; the statuses, per gateway. */
async function burst(secret: string, perGateway: number): Promise<number[][]> {
  const body = JSON.stringify({ model: "fast", max_tokens: 50, messages: [{ role: "user", content: "hi" }] });
  return Promise.all(
    gateways.map((g) =>
      Promise.all(
        Array.from({ length: perGateway }, async () => {
          const res = await fetch(`${g.url}/v1/chat/completions`, {
            method: "POST",
            headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
            body,
          });
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    ),
  );
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

// 20 rpm is counted request by request; at 600 each gateway takes shares of up to 30 at a time.
it.each([
  { limit: 20, perGateway: 30 },
  { limit: 600, perGateway: 500 },
])("a key's $limit requests per minute hold across two gateways", async ({ limit, perGateway }) => {
  const key = await world.makeKey({ rpm: limit });
  const started = performance.now();
  const [a = [], b = []] = await burst(key.secret, perGateway);
  const seconds = (performance.now() - started) / 1000;
  const through = count(a, 200) + count(b, 200);
  console.log(
    `two gateways, ${2 * perGateway} concurrent requests at ${limit} rpm: ${count(a, 200)} + ${count(b, 200)} = ` +
      `${through} through, ${count([...a, ...b], 429)} refused 429, in ${seconds.toFixed(1)} s`,
  );
  // The bucket refills one request every 60 / limit seconds while the burst runs; what a gateway's
  // share holds when the other is refused is all that can go unused.
  const share = Math.floor(limit * LEASE_SHARE);
  expect(through).toBeGreaterThanOrEqual(limit - (share > 1 ? 2 * share : 0));
  expect(through).toBeLessThanOrEqual(limit + Math.floor(seconds / (60 / limit)));
  expect(count([...a, ...b], 200) + count([...a, ...b], 429)).toBe(2 * perGateway);
});

it("a key's daily budget holds across two gateways", async () => {
  const cap = 0.0002;
  const key = await world.makeKey({ dailyUsd: cap });
  const [a = [], b = []] = await burst(key.secret, 30);
  const through = count(a, 200) + count(b, 200);
  // Every answered request's ledger row, which each gateway writes in batches a tenth of a second apart.
  const served = () =>
    world.db.db
      .select({ n: count_(), spent: sum(llmCalls.costUsd) })
      .from(llmCalls)
      .where(and(eq(llmCalls.keyId, key.id), eq(llmCalls.kind, "request"), eq(llmCalls.outcome, "ok")));
  let [row] = await served();
  for (let i = 0; i < 50 && (row?.n ?? 0) < through; i++) {
    await new Promise((r) => setTimeout(r, 100));
    [row] = await served();
  }
  expect(row?.n).toBe(through);
  const spent = Number(row?.spent ?? 0);
  console.log(
    `two gateways, 60 concurrent requests on a $${cap} daily cap: ${count(a, 200)} + ${count(b, 200)} = ${through} ` +
      `through, ${count([...a, ...b], 402)} refused 402, spent $${spent.toFixed(6)}`,
  );
  expect(through).toBeGreaterThan(0);
  expect(count([...a, ...b], 402)).toBeGreaterThan(0);
  expect(count([...a, ...b], 200) + count([...a, ...b], 402)).toBe(60);
  expect(spent).toBeLessThanOrEqual(cap);
});
