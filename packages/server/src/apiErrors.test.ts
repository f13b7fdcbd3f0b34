import { RouterError } from "@switchyard/router";
import { errorBodySchema } from "@switchyard/wire";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, errorResponse, readJson } from "./apiErrors.ts";

// Every error body has wire's one shape, the router's handler's too.
const bodyOf = async (res: Response) => errorBodySchema.parse(await res.json());

describe("errorResponse", () => {
  it("answers an ApiError with its status, code, message and Retry-After", async () => {
    const res = errorResponse(new ApiError("queue_full", "Full.", 429, { retryAfterSeconds: 2.2 }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect((await bodyOf(res)).error).toEqual({ code: "queue_full", message: "Full.", type: "switchyard" });
  });

  it("keeps an ApiError made by another copy of this module (another Next route bundle)", async () => {
    const fromOtherCopy = Object.assign(new Error("Full."), {
      name: "ApiError",
      code: "queue_full",
      status: 429,
      details: undefined,
      retryAfterSeconds: 2,
    });
    const res = errorResponse(fromOtherCopy);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect((await bodyOf(res)).error).toEqual({ code: "queue_full", message: "Full.", type: "switchyard" });
  });

  it("turns a zod error into invalid_request with the issues as details", async () => {
    const parsed = z.object({ title: z.string() }).safeParse({});
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(400);
    const { error } = await bodyOf(res);
    expect(error).toMatchObject({ code: "invalid_request", details: [{ path: "title" }] });
  });

  it("keeps a router error's code, status and body", async () => {
    const routerError = new RouterError("rate_limited", "Slow down.", { retryAfterSeconds: 1 });
    const res = errorResponse(routerError);
    expect(res.status).toBe(routerError.status);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await bodyOf(res)).toEqual(routerError.toBody());
  });

  it("keeps a router error made by another copy of the router module (another Next route bundle)", async () => {
    const original = new RouterError("budget_exceeded", "Your daily budget is spent.", {
      details: { scope: "user:u1", limitUsd: 1, usedUsd: 1, resetsAt: "2026-12-04T00:00:00.000Z" },
    });
    // What another bundle's class looks like from here: the same shape, not this module's prototype.
    const fromOtherCopy = Object.assign(new Error(original.message), {
      name: "RouterError",
      code: original.code,
      status: original.status,
      details: original.details,
      toBody: () => original.toBody(),
    });
    const res = errorResponse(fromOtherCopy);
    expect(res.status).toBe(402);
    expect(await bodyOf(res)).toEqual(original.toBody());
  });

  it("shows nothing of an unknown error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new Error("password=hunter2 at db.ts:12"));
    log.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(errorBodySchema.parse(JSON.parse(text)).error.code).toBe("internal");
  });
});

describe("readJson", () => {
  const post = (body: string) => new Request("http://app.test/", { method: "POST", body });

  it("refuses a body over the limit and one that is not JSON", async () => {
    const schema = z.object({});
    await expect(readJson(post("x".repeat(20)), schema, 10)).rejects.toMatchObject({
      code: "payload_too_large",
      status: 413,
    });
    await expect(readJson(post("{nope"), schema)).rejects.toMatchObject({
      code: "invalid_json",
      status: 400,
    });
  });

  it("refuses text holding U+0000, which Postgres cannot store, with 400 instead of a failed query", async () => {
    // Found by the apps' fuzz suites: a todo titled "a\u0000b" answered 500.
    const schema = z.object({ title: z.string() }).loose();
    for (const body of [
      '{"title":"a\\u0000b"}',
      '{"title":"ok","tags":["\\u0000"]}',
      '{"\\u0000":1,"title":"t"}',
    ]) {
      await expect(readJson(post(body), schema)).rejects.toMatchObject({
        code: "invalid_request",
        status: 400,
      });
    }
    // An escaped backslash followed by "u0000" is ordinary text.
    expect(await readJson(post('{"title":"C:\\\\u0000"}'), schema)).toEqual({ title: "C:\\u0000" });
  });

  it("stops reading an endless chunked body at the limit instead of buffering it", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    const req = new Request("http://app.test/", {
      method: "POST",
      body: endless,
      duplex: "half",
    } as RequestInit);
    await expect(readJson(req, z.object({}), 16 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled).toBeLessThan(64 * 1024);
  });
});
