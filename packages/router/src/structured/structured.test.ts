// router.structured(): json_schema where the model takes it, an instruction where not, the answer
// checked against the zod schema; an invalid answer is retried once on the next candidate and kept in
// the ledger as `invalid_output`, with what it cost.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { utcDay } from "../engine/budget.ts";
import { createRouter, type Router } from "../router.ts";
import { MemoryLedgerSink } from "../sinks/memoryLedgerSink.ts";
import { MemoryBudgetStore } from "../stores/memoryBudgetStore.ts";
import { fastPolicy } from "../testing/harness.ts";
import {
  answer,
  type ScriptedUpstream,
  startScriptedUpstream,
  testModel,
} from "../testing/scriptedUpstream.ts";
import { checkAnswer } from "./jsonAnswer.ts";

const todo = z.object({ title: z.string(), priority: z.enum(["low", "high"]) });
const valid = '{"title":"renew the car insurance","priority":"high"}';

const models = [
  testModel("test/native", "primary", { tools: true, structuredOutputs: true }),
  testModel("test/unsure", "backup", { tools: true }),
  testModel("test/no-schema", "zdr", { tools: true, structuredOutputs: false }),
];

let upstream: ScriptedUpstream;
let router: Router;
let ledger: MemoryLedgerSink;

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => answer(valid));
});
afterAll(() => upstream.close());
beforeEach(async () => {
  await router?.close();
  upstream.requests.length = 0;
  ledger = new MemoryLedgerSink();
  router = createRouter({
    env: {},
    localProviderUrl: upstream.url,
    ledger,
    catalog: { bundled: false, models, tiers: { fast: "test/native", strong: "test/unsure" } },
    policy: fastPolicy,
  });
});

const ask = (model: string, fallbacks: string[] = []) =>
  router.structured({
    model,
    models: fallbacks,
    messages: [{ role: "user", content: "remind me to renew the car insurance, high priority" }],
    schema: todo,
    name: "todo",
  });

describe("router.structured()", () => {
  it("returns the parsed data, asking in json_schema only when the model is known to take it", async () => {
    const result = await ask("test/native");
    expect(result.data).toEqual({ title: "renew the car insurance", priority: "high" });
    const body = upstream.requests[0]!.body;
    expect(body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "todo", schema: { type: "object", required: ["title", "priority"] } },
    });
    expect(body.response_format.json_schema.schema.$schema).toBeUndefined();
    expect(body.messages).toHaveLength(1);
  });

  it("adds the JSON instruction where support is unknown, and only it where the model lacks json_schema", async () => {
    await ask("test/unsure");
    await ask("test/no-schema");
    const [unsure, none] = upstream.requests.map((r) => r.body);
    expect(unsure.response_format?.type).toBe("json_schema");
    expect(unsure.messages[0]).toMatchObject({ role: "system" });
    expect(unsure.messages[0].content).toContain('"priority"');
    expect(none.response_format).toBeUndefined();
    expect(none.messages[0].content).toContain("JSON Schema");
  });

  it("retries an invalid answer once on the next candidate and records invalid_output with its cost", async () => {
    upstream.script = (req) => (req.endpoint === "primary" ? answer('{"title":"renew"}') : answer(valid));
    const result = await ask("test/native", ["test/unsure", "test/no-schema"]);
    expect(result.routing).toMatchObject({ modelUsed: "test/unsure", attempts: 2, failover: true });
    await router.flush();
    const rows = ledger.forRequest(result.routing.requestId);
    expect(rows.map((r) => [r.kind, r.endpoint, r.outcome, r.errorCode])).toEqual([
      ["attempt", "local:primary", "invalid_output", "invalid_output"],
      ["attempt", "local:backup", "ok", null],
      ["request", "local:backup", "ok", null],
    ]);
    expect(rows[0]!.costUsd).toBeGreaterThan(0);
    expect(rows[2]!.costUsd).toBeCloseTo(rows[0]!.costUsd + rows[1]!.costUsd, 12);
    expect(upstream.to("zdr")).toHaveLength(0);
  });

  it("fails with invalid_output after the retry is invalid too, without a third attempt", async () => {
    upstream.script = () => answer("Sure! Here is your todo: renew the insurance.");
    const err = await ask("test/native", ["test/unsure", "test/no-schema"]).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid_output", status: 502 });
    expect(err.details.issues).toEqual([]);
    expect(err.message).toContain("no JSON in the answer");
    expect(upstream.requests).toHaveLength(2);
    await router.flush();
    const rows = ledger.forRequest(err.routing.requestId);
    expect(rows.map((r) => r.outcome)).toEqual(["invalid_output", "invalid_output", "invalid_output"]);
  });

  it("does not open the endpoint's breaker for answers that fail the schema", async () => {
    upstream.script = () => answer("{}");
    for (let i = 0; i < 3; i++) await ask("test/native").catch(() => undefined);
    expect(router.breakerStates().find((b) => b.endpoint === "local:primary")?.state).toBe("closed");
  });
});

describe("router.structured() under a budget", () => {
  /** Records each reservation's estimate. */
  class RecordingStore extends MemoryBudgetStore {
    readonly estimates: number[] = [];
    override reserve(...args: Parameters<MemoryBudgetStore["reserve"]>) {
      this.estimates.push(args[1]);
      return super.reserve(...args);
    }
  }

  it("reserves room for the retry and settles both answers' cost", async () => {
    const store = new RecordingStore();
    const budgeted = createRouter({
      env: {},
      app: "t",
      localProviderUrl: upstream.url,
      ledger,
      budgetStore: store,
      budgets: { app: { t: 1 } },
      catalog: { bundled: false, models, tiers: { fast: "test/native", strong: "test/unsure" } },
      policy: fastPolicy,
    });
    const messages = [{ role: "user" as const, content: "remind me to renew the car insurance" }];
    await budgeted.chat({ model: "test/native", messages });
    const before = await store.used("app:t", utcDay());
    upstream.script = (req) => (req.endpoint === "primary" ? answer("{}") : answer(valid));
    const { routing } = await budgeted.structured({
      model: "test/native",
      models: ["test/unsure"],
      messages,
      schema: todo,
    });
    const [plain, structured] = store.estimates;
    expect(structured).toBeGreaterThan(2 * plain!);
    expect((await store.used("app:t", utcDay())) - before).toBeCloseTo(routing.costUsd, 12);
    expect(routing.costUsd).toBeGreaterThan(0);
    await budgeted.close();
  });
});

describe("checkAnswer", () => {
  it("reads JSON bare, in a code fence or inside prose, and names what does not match", () => {
    expect(checkAnswer(valid, todo).success).toBe(true);
    expect(checkAnswer(`\`\`\`json\n${valid}\n\`\`\``, todo).success).toBe(true);
    expect(checkAnswer(`Here it is: ${valid} Anything else?`, todo).success).toBe(true);
    const wrong = checkAnswer('{"title":"x","priority":"urgent"}', todo);
    expect(wrong).toMatchObject({ success: false, reason: "the JSON does not match the schema" });
    expect(!wrong.success && wrong.issues[0]).toMatch(/^priority: /);
  });
});
