// Two gateway processes on one database (PGlite served over the wire): a key's requests-per-minute
// limit and its daily budget hold across both under concurrent load. Prints how many got through.
import { llmCalls } from "@switchyard/db";
import { and, eq, sum } from "drizzle-orm";
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

it("a key's requests per minute hold across two gateways", async () => {
  const limit = 20;
  const key = await world.makeKey({ rpm: limit });
  const started = performance.now();
  const [a = [], b = []] = await burst(key.secret, 30);
  const seconds = (performance.now() - started) / 1000;
  const through = count(a, 200) + count(b, 200);
  console.log(
    `two gateways, 60 concurrent requests at ${limit} rpm: ${count(a, 200)} + ${count(b, 200)} = ${through} through, ` +
      `${count([...a, ...b], 429)} refused 429, in ${seconds.toFixed(1)} s`,
  );
  // The bucket refills one request every 60 / limit seconds while the burst runs.
  expect(through).toBeGreaterThanOrEqual(limit);
  expect(through).toBeLessThanOrEqual(limit + Math.floor(seconds / (60 / limit)));
  expect(count([...a, ...b], 200) + count([...a, ...b], 429)).toBe(60);
});

it("a key's daily budget holds across two gateways", async () => {
  const cap = 0.0002;
  const key = await world.makeKey({ dailyUsd: cap });
  const [a = [], b = []] = await burst(key.secret, 30);
  const [row] = await world.db.db
    .select({ spent: sum(llmCalls.costUsd) })
    .from(llmCalls)
    .where(and(eq(llmCalls.keyId, key.id), eq(llmCalls.kind, "request")));
  const spent = Number(row?.spent ?? 0);
  const through = count(a, 200) + count(b, 200);
  console.log(
    `two gateways, 60 concurrent requests on a $${cap} daily cap: ${count(a, 200)} + ${count(b, 200)} = ${through} ` +
      `through, ${count([...a, ...b], 402)} refused 402, spent $${spent.toFixed(6)}`,
  );
  expect(through).toBeGreaterThan(0);
  expect(count([...a, ...b], 402)).toBeGreaterThan(0);
  expect(count([...a, ...b], 200) + count([...a, ...b], 402)).toBe(60);
  expect(spent).toBeLessThanOrEqual(cap);
});
