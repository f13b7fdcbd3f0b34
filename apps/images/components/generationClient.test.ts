// The browser side of one image's request, against a stubbed fetch: a spent budget and the user's rate
// limit are told in words (no silent retry), a full queue is waited out with the same key.
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateSlot, newSubmission } from "./generationClient.ts";

const submission = newSubmission(
  { prompt: "a kite", aspect: "square", size: "small", style: "none", model: "auto" },
  1,
);
const errorReply = (status: number, code: string, details: unknown, headers: Record<string, string> = {}) =>
  Response.json(
    { error: { code, message: `raw ${code}`, type: "switchyard", details } },
    { status, headers },
  );

function stubFetch(...replies: Response[]) {
  const fetch = vi.fn(async () => replies.shift() ?? Response.json({}, { status: 500 }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("generateSlot", () => {
  it("a spent budget says what was spent and when it resets, once", async () => {
    const fetch = stubFetch(
      errorReply(402, "budget_exceeded", { scope: "user:u1", limitUsd: 1, usedUsd: 0.98 }),
    );
    const state = await generateSlot(submission, 0);
    expect(state).toMatchObject({ status: "error", code: "budget_exceeded" });
    // The wording is the shared @switchyard/ui/auth message's; what it must say is checked here.
    const message = state.status === "error" ? state.message : "";
    for (const fact of ["$0.98", "$1.00", "resets at midnight UTC"]) expect(message).toContain(fact);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("the user's rate limit says how long to wait, without waiting", async () => {
    const fetch = stubFetch(
      errorReply(429, "rate_limited", { kind: "generate", limitPerMinute: 30 }, { "retry-after": "2" }),
    );
    expect(await generateSlot(submission, 0)).toEqual({
      status: "error",
      code: "rate_limited",
      message: "Too many requests: try again in 2 seconds.",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("a full queue is waited out and resent with the same key", async () => {
    vi.useFakeTimers();
    const image = { id: "i1", prompt: "a kite" };
    const fetch = stubFetch(
      errorReply(429, "queue_full", undefined, { "retry-after": "3" }),
      Response.json({ image, replay: false }),
    );
    const pending = generateSlot(submission, 0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await pending).toMatchObject({ status: "done", image: { id: "i1" } });
    const keys = fetch.mock.calls.map((call) =>
      new Headers((call as unknown as [string, RequestInit])[1].headers).get("idempotency-key"),
    );
    expect(keys).toEqual([`${submission.key}-0`, `${submission.key}-0`]);
  });

  it("waits out a 409 idempotency_in_flight's Retry-After and resends the same key", async () => {
    vi.useFakeTimers();
    const image = { id: "i2", prompt: "a kite" };
    const fetch = stubFetch(
      errorReply(409, "idempotency_in_flight", undefined, { "retry-after": "2" }),
      Response.json({ image, replay: true }),
    );
    const pending = generateSlot(submission, 0);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch).toHaveBeenCalledTimes(1); // not before its Retry-After
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ status: "done", image: { id: "i2" }, replay: true });
    const keys = fetch.mock.calls.map((call) =>
      new Headers((call as unknown as [string, RequestInit])[1].headers).get("idempotency-key"),
    );
    expect(keys).toEqual([`${submission.key}-0`, `${submission.key}-0`]);
  });

  it("does not resend a 422 idempotency_mismatch: the key was used for another image", async () => {
    const fetch = stubFetch(errorReply(422, "idempotency_mismatch", undefined));
    expect(await generateSlot(submission, 0)).toMatchObject({
      status: "error",
      code: "idempotency_mismatch",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
