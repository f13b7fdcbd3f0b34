// Which generation failures a job keeps as its answer, and which it retries.
import { RouterError } from "@switchyard/router";
import { ApiError } from "@switchyard/server";
import { describe, expect, it } from "vitest";
import { StoredFailureError, storedFailureOf } from "./storedFailure.ts";

describe("storedFailureOf", () => {
  it("keeps the route's answer for a refusal, and replays it as the same response", async () => {
    const failure = await storedFailureOf(new ApiError("budget_exceeded", "Today's budget is spent.", 402));
    expect(failure).toMatchObject({ status: 402, body: { error: { code: "budget_exceeded" } } });
    const res = new StoredFailureError(failure!).toResponse();
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual(failure!.body);
  });

  it("retries a crash, and a key still held by a dead worker's call", async () => {
    expect(await storedFailureOf(new Error("connection reset"))).toBeNull();
    const held = new RouterError(
      "idempotency_in_flight",
      "A request with this idempotency key is still running.",
    );
    expect(await storedFailureOf(held)).toBeNull();
  });
});
