// A request that needs a capability (tools, structured outputs, files, vision) only reaches models
// that have it: on the first attempt, on failover and for auto. Primary down and a backup without the
// capability: the next capable model serves it, or the request fails without calling the backup.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRouter, type Router } from "../router.ts";
import { fastPolicy } from "../testing/harness.ts";
import {
  answer,
  type ScriptedUpstream,
  startScriptedUpstream,
  testModel,
} from "../testing/scriptedUpstream.ts";

const capable = {
  input: ["text" as const, "image" as const, "file" as const],
  tools: true,
  structuredOutputs: true,
};
const lacking = { input: ["text" as const], tools: false, structuredOutputs: false };

// Each model on its own endpoint, so the upstream's log says which model was called.
const models = [
  testModel("test/primary", "primary", capable, ["chat", "vision"]),
  testModel("test/lacking", "backup", lacking),
  testModel("test/capable", "zdr", capable, ["chat", "vision"]),
];

const needs = {
  tools: {
    tools: [{ type: "function" as const, function: { name: "add_todo", parameters: { type: "object" } } }],
  },
  structured_outputs: {
    response_format: {
      type: "json_schema" as const,
      json_schema: { name: "todo", schema: { type: "object" } },
    },
  },
  files: {
    messages: [
      {
        role: "user" as const,
        content: [
          { type: "text" as const, text: "what is in this file?" },
          {
            type: "file" as const,
            file: { filename: "a.pdf", file_data: "data:application/pdf;base64,JVBERi0=" },
          },
        ],
      },
    ],
  },
  vision: {
    messages: [
      {
        role: "user" as const,
        content: [{ type: "image_url" as const, image_url: { url: "data:image/png;base64,iVBORw0K" } }],
      },
    ],
  },
};
type Need = keyof typeof needs;
const allNeeds = Object.keys(needs) as Need[];

let upstream: ScriptedUpstream;
let router: Router;
let down: Set<string>;

beforeAll(async () => {
  upstream = await startScriptedUpstream((req) => (down.has(req.endpoint) ? { status: 503 } : answer("ok")));
});
afterAll(() => upstream.close());
beforeEach(async () => {
  await router?.close();
  down = new Set();
  upstream.requests.length = 0;
  router = createRouter({
    env: {},
    localProviderUrl: upstream.url,
    catalog: { bundled: false, models, tiers: { fast: "test/lacking", strong: "test/primary" } },
    policy: { ...fastPolicy, retry: { ...fastPolicy.retry, maxAttempts: 3 } },
  });
});

const ask = (need: Need, model: string, fallbacks: string[]) =>
  router.chat({
    model,
    models: fallbacks,
    messages: [{ role: "user", content: "add milk" }],
    ...needs[need],
  });

describe.each(allNeeds)("a request that needs %s", (need) => {
  it("primary down, backup without it: the next capable model serves it, the backup is never called", async () => {
    down.add("primary");
    const { routing } = await ask(need, "test/primary", ["test/lacking", "test/capable"]);
    expect(routing).toMatchObject({ modelUsed: "test/capable", failover: true });
    expect(routing.fallbackChain).toEqual(["test/primary@local:primary", "test/capable@local:zdr"]);
    expect(upstream.to("backup")).toHaveLength(0);
  });

  it("primary down, backup without it and nothing else: fails after the primary, the backup never called", async () => {
    down.add("primary");
    const err = await ask(need, "test/primary", ["test/lacking"]).catch((e) => e);
    expect(err.code).toBe("upstream_error");
    expect(upstream.to("primary")).toHaveLength(3);
    expect(upstream.to("backup")).toHaveLength(0);
  });

  it("only models without it: no_candidate names the capability, nothing is called", async () => {
    const err = await ask(need, "test/lacking", []).catch((e) => e);
    expect(err.code).toBe("no_candidate");
    const label = need === "vision" ? "local:backup (test/lacking)" : `local:backup (test/lacking): ${need}`;
    expect(err.details.removed.capability).toEqual([label]);
    expect(upstream.requests).toHaveLength(0);
  });

  it("auto: a fast tier without it is skipped for the strong tier", async () => {
    const { routing } = await ask(need, "auto", []);
    expect(routing).toMatchObject({ tier: "fast", modelUsed: "test/primary", failover: false });
    expect(routing.fallbackChain).toEqual(["test/primary@local:primary"]);
    expect(upstream.to("backup")).toHaveLength(0);
  });

  it("auto: the capable tier down never falls back to the tier without it", async () => {
    down.add("primary");
    const err = await ask(need, "auto", []).catch((e) => e);
    expect(err.code).toBe("upstream_error");
    expect(upstream.to("backup")).toHaveLength(0);
  });
});

it("a conversation that already called tools goes on only with models that take tools", async () => {
  down.add("primary");
  const call = { id: "c1", type: "function" as const, function: { name: "add_todo", arguments: "{}" } };
  const { routing } = await router.chat({
    model: "test/primary",
    models: ["test/lacking", "test/capable"],
    messages: [
      { role: "user", content: "add milk" },
      { role: "assistant", content: null, tool_calls: [call] },
      { role: "tool", tool_call_id: "c1", content: "added" },
    ],
  });
  expect(routing.modelUsed).toBe("test/capable");
  expect(upstream.to("backup")).toHaveLength(0);
});

it("a plain request still uses every model, the one without capabilities included", async () => {
  const { routing } = await router.chat({ model: "fast", messages: [{ role: "user", content: "hi" }] });
  expect(routing.modelUsed).toBe("test/lacking");
});
