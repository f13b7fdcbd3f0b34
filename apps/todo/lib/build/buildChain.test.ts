// The chain end to end on the local provider's scripted samples, the real router (ledger, Postgres
// idempotency store) and the real sandbox.
import { randomUUID } from "node:crypto";
import { llmCalls } from "@switchyard/db";
import { runInSandbox } from "@switchyard/sandbox";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTodoTestEnv, type TodoTestEnv } from "../testing/todoTestEnv.ts";
import { createBuildChain } from "./buildChain.ts";
import { retryLater } from "./buildJobs.ts";
import { memoryBuildStore } from "./buildStore.ts";

let env: TodoTestEnv;
beforeAll(async () => {
  env = await openTodoTestEnv();
});
afterAll(() => env.close());

const OWNER = "builder";
const chunkTodo = () => ({ id: randomUUID(), title: "Split an array into chunks of size n", notes: "" });
const chainOn = (store = memoryBuildStore()) =>
  createBuildChain({ router: env.router, runChecks: runInSandbox, store });
const upstreamCalls = (idempotencyKey: string) =>
  env.provider.control.log({ idempotencyKey }).filter((e) => e.path === "/v1/chat/completions").length;

describe("plan & build on scripted samples", () => {
  it("spec -> code -> failing test -> change request -> passing test -> approve", async () => {
    const chain = chainOn();
    const todo = chunkTodo();

    const started = await chain.start(OWNER, todo);
    expect(started.build.status).toBe("planning");
    const first = await started.done;
    expect(first.status).toBe("awaiting_review");
    expect(first.spec?.functionName).toBe("chunk");
    expect(first.planCalls[0]).toMatchObject({ step: "plan", scripted: true, replay: false });
    const r1 = first.revisions[0]!;
    expect(r1.call).toMatchObject({ step: "code", revision: 1, tier: "fast", scripted: true });
    expect(r1.call.costUsd).toBeGreaterThan(0);
    // The off-by-one drops the remainder: the spec's tests catch it, the coder's own tests do not.
    expect(r1.check?.ok).toBe(false);
    const failing = r1.check!.tests.filter((t) => t.status === "failed").map((t) => t.name);
    expect(failing).toEqual(["spec > the remainder goes in the last chunk", "spec > size of one"]);
    expect(
      r1.check!.tests.filter((t) => !t.name.startsWith("spec >")).every((t) => t.status === "passed"),
    ).toBe(true);

    const asked = await chain.review(OWNER, todo.id, "request_changes", 1, "The last partial chunk is lost.");
    expect(asked.build.status).toBe("coding");
    const second = await asked.done;
    const r2 = second.revisions[1]!;
    expect(second.status).toBe("awaiting_review");
    expect(r2.requestedChange).toBe("The last partial chunk is lost.");
    expect(r2.code).toContain("i < items.length;");
    expect(r2.check?.ok).toBe(true);
    expect(r2.check?.tests.length).toBe(11);

    const approved = await (await chain.review(OWNER, todo.id, "approve", 2)).done;
    expect(approved.status).toBe("approved");
    expect(approved.reviews.map((r) => r.action)).toEqual(["request_changes", "approve"]);

    // Each model call is a ledger request with its feature and cost.
    const rows = await env.db
      .select()
      .from(llmCalls)
      .where(and(eq(llmCalls.idempotencyKey, r2.call.idempotencyKey), eq(llmCalls.kind, "request")));
    expect(rows.map((r) => [r.feature, r.outcome])).toEqual([["build-code", "ok"]]);
    expect(rows[0]!.costUsd).toBeCloseTo(r2.call.costUsd, 8);
  });

  it("refuses a review of a stale revision and needs a comment to request changes", async () => {
    const chain = chainOn();
    const todo = chunkTodo();
    await (await chain.start(OWNER, todo)).done;
    await expect(chain.review(OWNER, todo.id, "approve", 2)).rejects.toMatchObject({
      code: "stale_revision",
    });
    await expect(chain.review(OWNER, todo.id, "request_changes", 1, " ")).rejects.toMatchObject({
      code: "comment_required",
    });
    const rejected = await (await chain.review(OWNER, todo.id, "reject", 1)).done;
    expect(rejected.status).toBe("rejected");
    await expect(chain.review(OWNER, todo.id, "approve", 1)).rejects.toMatchObject({
      code: "not_reviewable",
    });
  });

  it("escalates to the strong tier when the planner marks its spec complex", async () => {
    const todo = { id: randomUUID(), title: "A function that turns '3d 4h' into seconds", notes: "" };
    const build = await (await chainOn().start(OWNER, todo, "fast")).done;
    expect(build.planCalls.map((c) => [c.step, c.tier])).toEqual([
      ["plan", "fast"],
      ["plan-strong", "strong"],
    ]);
    expect(build.escalation).toMatch(/complex/);
    expect(build.revisions[0]!.call.tier).toBe("strong");
    expect(build.revisions[0]!.check?.ok).toBe(true);
  });
});

describe("on the owner's behalf", () => {
  it("every model call carries the owner's router options and a max_tokens bound", async () => {
    const seen: { maxTokens: number | undefined; userId: string | undefined }[] = [];
    const chain = createBuildChain({
      router: {
        chat: (req, opts) => {
          seen.push({ maxTokens: req.max_tokens, userId: opts?.userId });
          return env.router.chat(req, opts);
        },
      },
      runChecks: runInSandbox,
      store: memoryBuildStore(),
    });
    const build = await (await chain.start(OWNER, chunkTodo(), "auto", { userId: "builder-session" })).done;
    expect(build.status).toBe("awaiting_review");
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const call of seen) {
      expect(call.userId).toBe("builder-session");
      expect(call.maxTokens).toBeGreaterThan(0);
    }
  });
});

describe("steps run by a job", () => {
  it("a key still held by a dead worker's call goes back to the job, and the build stays where it was", async () => {
    const store = memoryBuildStore();
    const held = Object.assign(new Error("a dead worker's call still holds the key"), {
      code: "idempotency_in_flight",
    });
    const chain = createBuildChain({
      router: env.router,
      store,
      runChecks: () => Promise.reject(held),
      retryLater,
    });
    const todo = chunkTodo();
    await expect((await chain.start(OWNER, todo)).done).rejects.toBe(held);
    expect(await store.latest(OWNER, todo.id)).toMatchObject({ status: "checking", error: null });
  });
});

describe("idempotent steps", () => {
  it("a retried step replays its stored answer: no second upstream call", async () => {
    const todo = chunkTodo();
    const first = await (await chainOn().start(OWNER, todo)).done;
    const planKey = first.planCalls[0]!.idempotencyKey;
    const codeKey = first.revisions[0]!.call.idempotencyKey;
    expect(planKey).toBe(`${planKey.split(":run")[0]}:run1:plan:r0`);
    expect(upstreamCalls(planKey)).toBe(1);

    // A server restart loses the in-memory build; running the same steps again pays nothing.
    const again = await (await chainOn().start(OWNER, todo)).done;
    expect(again.planCalls[0]).toMatchObject({ idempotencyKey: planKey, replay: true });
    expect(again.revisions[0]!.call).toMatchObject({ idempotencyKey: codeKey, replay: true });
    expect(upstreamCalls(planKey)).toBe(1);
    expect(upstreamCalls(codeKey)).toBe(1);
    expect(again.revisions[0]!.code).toBe(first.revisions[0]!.code);
  });

  it("a failed step is retried alone: the model calls already paid for are not made again", async () => {
    const chain = chainOn();
    const todo = chunkTodo();
    const endpoints = [
      "default",
      "primary",
      "backup",
      "zdr",
      "openrouter-like",
      "groq-like",
      "together-like",
    ];
    let checks = 0;
    const flaky = createBuildChain({
      router: env.router,
      store: memoryBuildStore(),
      runChecks: async (input) => {
        checks++;
        if (checks === 1)
          throw Object.assign(new Error("the sandbox could not start"), { code: "sandbox_down" });
        return runInSandbox(input);
      },
    });
    const failed = await (await flaky.start(OWNER, todo)).done;
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({ code: "sandbox_down", step: "checking" });
    const retried = await (await flaky.retry(OWNER, todo.id)).done;
    expect(retried.status).toBe("awaiting_review");
    expect(upstreamCalls(retried.revisions[0]!.call.idempotencyKey)).toBe(1);

    // Every provider down: the build fails with the router's code, and a retry after recovery completes it.
    const other = chunkTodo();
    try {
      for (const ep of endpoints) env.provider.control.setFaults(ep, { down: true });
      const down = await (await chain.start(OWNER, other)).done;
      expect(down.status).toBe("failed");
      expect(down.error).toMatchObject({ step: "planning", code: "upstream_error" });
    } finally {
      env.provider.control.reset();
    }
    const recovered = await (await chain.retry(OWNER, other.id)).done;
    expect(recovered.status).toBe("awaiting_review");
  });
});
