import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTodoTestEnv, type TodoTestEnv, writeDepsFor } from "../testing/todoTestEnv.ts";
import { listTodos } from "../todoRepository.ts";
import { createTodo } from "../todoWrites.ts";
import { applyProposal } from "./applyProposal.ts";
import type { AssistantDeps } from "./assistantLoop.ts";
import { MAX_STEPS, runAssistant } from "./assistantLoop.ts";

let env: TodoTestEnv;
let deps: AssistantDeps & Parameters<typeof applyProposal>[0];
const owner = "ada";

beforeAll(async () => {
  env = await openTodoTestEnv();
  // A Thursday, so "next Friday" and "Monday" have one reading.
  deps = { ...writeDepsFor(env, { baseDelayMs: 1 }), router: env.router, today: () => "2026-12-03" };
  for (const title of [
    "book a dentist appointment for the cracked molar",
    "file the VAT return",
    "buy milk and eggs",
  ])
    await createTodo(deps, owner, { title, notes: "", priority: 0, dueDate: null, tags: [] });
  await createTodo(deps, "bob", {
    title: "bob's dentist visit",
    notes: "",
    priority: 0,
    dueDate: null,
    tags: [],
  });
}, 60_000);
afterAll(() => env.close());

const titled = async (who: string, title: string) =>
  (await listTodos(env.db, who)).find((t) => t.title === title);

describe("the assistant", () => {
  it("proposes a new todo with its date and priority, writes nothing, and an approval twice creates it once", async () => {
    const reply = await runAssistant(
      deps,
      owner,
      "Remind me to renew the car insurance next Friday, high priority",
    );
    expect(reply.proposals).toHaveLength(1);
    const card = reply.proposals[0]!;
    expect(card).toMatchObject({ action: "create", todo: { title: "renew the car insurance", priority: 3 } });
    expect(card.action === "create" && card.todo.dueDate).toMatch(/^2026-12-(04|11)$/);
    expect(await titled(owner, "renew the car insurance")).toBeUndefined();

    const [a, b] = await Promise.all([applyProposal(deps, owner, card), applyProposal(deps, owner, card)]);
    expect(a.todo.id).toBe(b.todo.id);
    expect([a.replay, b.replay].sort()).toEqual([false, true]);
    expect(
      (await listTodos(env.db, owner)).filter((t) => t.title === "renew the car insurance"),
    ).toHaveLength(1);
  });

  it("completes the todo named in words, the user's own and not another's", async () => {
    const reply = await runAssistant(deps, owner, "I've done the dentist one");
    expect(reply.proposals[0]).toMatchObject({
      action: "complete",
      target: { title: "book a dentist appointment for the cracked molar" },
    });
    await applyProposal(deps, owner, reply.proposals[0]!);
    expect((await titled(owner, "book a dentist appointment for the cracked molar"))?.status).toBe("done");
    expect((await titled("bob", "bob's dentist visit"))?.status).toBe("open");
  });

  it("reschedules to the Monday after today", async () => {
    const reply = await runAssistant(deps, owner, "move the VAT return to Monday");
    expect(reply.proposals[0]).toMatchObject({
      action: "reschedule",
      target: { title: "file the VAT return" },
      dueDate: "2026-12-07",
    });
  });

  it("answers a question from a search and cites only the relevant todos", async () => {
    const reply = await runAssistant(deps, owner, "what's on my list about teeth?");
    expect(reply.proposals).toEqual([]);
    expect(reply.steps).toBeGreaterThanOrEqual(2);
    expect(reply.sources.map((s) => s.title)).toEqual(["book a dentist appointment for the cracked molar"]);
    expect(reply.text).toContain("dentist");
  });

  it("refuses to apply a card for another user's todo: 404, nothing changed", async () => {
    const bobs = await titled("bob", "bob's dentist visit");
    const forged = {
      id: crypto.randomUUID(),
      summary: "Mark it as done",
      action: "complete" as const,
      target: { id: bobs!.id, title: bobs!.title },
    };
    await expect(applyProposal(deps, owner, forged)).rejects.toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect((await titled("bob", "bob's dentist visit"))?.status).toBe("open");
  });

  it(`stops after ${MAX_STEPS} model calls when the model keeps calling tools, each answered by a tool message`, async () => {
    const bodies: { messages: { role: string; tool_call_id?: string }[] }[] = [];
    // A model that always searches, the second time with arguments that are not valid.
    const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      const args = bodies.length === 2 ? '{"query": 7}' : '{"query":"milk"}';
      return Response.json({
        id: `c${bodies.length}`,
        object: "chat.completion",
        created: 0,
        model: "stub/looping",
        choices: [
          {
            index: 0,
            finish_reason: "tool_calls",
            message: {
              role: "assistant",
              content: null,
              tool_calls: [
                {
                  id: `call-${bodies.length}`,
                  type: "function",
                  function: { name: "search_todos", arguments: args },
                },
              ],
            },
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      });
    };
    const reply = await runAssistant({ ...deps, router: { fetch } }, owner, "what about milk?");
    expect(bodies).toHaveLength(MAX_STEPS);
    expect(reply).toMatchObject({ steps: MAX_STEPS, proposals: [], model: "stub/looping" });
    expect(reply.text).toMatch(/could not finish/);
    expect(reply.sources.map((s) => s.title)).toEqual(["buy milk and eggs"]);
    const last = bodies.at(-1)!.messages.filter((m) => m.role === "tool");
    expect(last.map((m) => m.tool_call_id)).toEqual(["call-1", "call-2", "call-3"]);
  });
});
