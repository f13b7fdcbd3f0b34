// Tool calls through the typed API: chat() returns them, stream() yields their pieces and its result
// holds them whole, however the upstream splits them across chunks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouter, type Router } from "../router.ts";
import { MemoryLedgerSink } from "../sinks/memoryLedgerSink.ts";
import { fastPolicy } from "../testing/harness.ts";
import {
  answer,
  chunk,
  type Script,
  type ScriptedUpstream,
  startScriptedUpstream,
  usageChunk,
} from "../testing/scriptedUpstream.ts";
import { ToolCallAccumulator } from "./toolCalls.ts";

const addTodo = { type: "function" as const, function: { name: "add_todo", parameters: { type: "object" } } };
const calls = [
  {
    id: "call_a",
    type: "function" as const,
    function: { name: "add_todo", arguments: '{"title":"renew the car insurance","due":"2026-12-11"}' },
  },
  {
    id: "call_b",
    type: "function" as const,
    function: { name: "complete_todo", arguments: '{"query":"dentist «molar» ✓"}' },
  },
];

/** Both calls as a stream of one-character argument pieces, the two calls interleaved. */
function splitStream(): unknown[] {
  const out: unknown[] = [chunk({ role: "assistant", content: null })];
  for (const [index, c] of calls.entries()) {
    const first = { index, id: c.id, type: "function", function: { name: c.function.name, arguments: "" } };
    out.push(chunk({ tool_calls: [first] }));
  }
  const longest = Math.max(...calls.map((c) => c.function.arguments.length));
  for (let i = 0; i < longest; i++) {
    for (const [index, c] of calls.entries()) {
      const piece = [...c.function.arguments][i];
      if (piece !== undefined) out.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  }
  out.push(chunk({}, "tool_calls"), usageChunk);
  return out;
}

let upstream: ScriptedUpstream;
let router: Router;
const ledger = new MemoryLedgerSink();

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => answer("unused"));
  router = createRouter({ env: {}, localProviderUrl: upstream.url, ledger, policy: fastPolicy });
});
afterAll(async () => {
  await router.close();
  await upstream.close();
});

const use = (script: Script) => {
  upstream.script = script;
};
const request = {
  model: "fast",
  messages: [{ role: "user" as const, content: "remind me to renew" }],
  tools: [addTodo],
};

describe("tool calls", () => {
  it("chat() returns the answer's calls, and [] when it made none", async () => {
    use(() => answer(null, calls));
    const result = await router.chat(request);
    expect(result.toolCalls).toEqual(calls);
    expect(result.response.choices[0]?.finish_reason).toBe("tool_calls");
    expect(upstream.requests.at(-1)?.body.tools).toEqual([addTodo]);
    use(() => answer("no tools needed"));
    expect((await router.chat(request)).toolCalls).toEqual([]);
  });

  it("stream() yields the pieces and its result holds the calls reassembled exactly", async () => {
    const chunks = splitStream();
    use(() => ({ chunks }));
    const stream = router.stream(request);
    let pieces = 0;
    for await (const delta of stream) pieces += delta.toolCalls?.length ?? 0;
    const result = await stream.result;
    expect(result.toolCalls).toEqual(calls);
    expect(result.finishReason).toBe("tool_calls");
    expect(result.text).toBe("");
    expect(pieces).toBeGreaterThan(80);
    expect(result.routing.completionTokens).toBe(10);
  });

  it("a stream whose first chunk is a tool call commits at once, with its ledger row", async () => {
    use(() => ({ chunks: [chunk({ tool_calls: [{ index: 0, ...calls[0] }] }, "tool_calls")] }));
    const stream = router.stream(request);
    for await (const _ of stream);
    const { toolCalls, routing } = await stream.result;
    expect(toolCalls).toEqual([calls[0]]);
    await router.flush();
    expect(ledger.forRequest(routing.requestId).at(-1)).toMatchObject({ kind: "request", outcome: "ok" });
  });
});

describe("ToolCallAccumulator", () => {
  it("keeps the first id and name, appends arguments, and orders calls by index", () => {
    const acc = new ToolCallAccumulator();
    acc.add([{ index: 1, id: "b", function: { name: "second", arguments: "{" } }]);
    acc.add([{ index: 0, id: "a", function: { name: "first", arguments: "" } }]);
    acc.add([{ index: 1, function: { name: "second", arguments: "}" } }]);
    acc.add([{ index: 0, function: { arguments: "[]" } }]);
    expect(acc.calls()).toEqual([
      { id: "a", type: "function", function: { name: "first", arguments: "[]" } },
      { id: "b", type: "function", function: { name: "second", arguments: "{}" } },
    ]);
  });
});
