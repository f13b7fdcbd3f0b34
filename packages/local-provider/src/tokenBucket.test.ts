import { describe, expect, it } from "vitest";
import { TokenBucket } from "./tokenBucket.ts";

describe("the throttle's token bucket", () => {
  it("admits `capacity` requests, refuses the next with its Retry-After, and refills over time", () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1, retryAfterSeconds: 3 }, () => now);
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 3 });
    now = 1000;
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(false);
    now = 60_000;
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(false);
  });
});
