import { RouterError } from "@switchyard/router";
import { describe, expect, it } from "vitest";
import type { AskEvent } from "./askEvents.ts";
import { askEvents } from "./askStream.ts";

const request = { owner: "ana", question: "what is due?", tier: "fast" as const };

async function eventsWhenRunThrows(error: unknown): Promise<AskEvent[]> {
  const events: AskEvent[] = [];
  for await (const e of askEvents(() => Promise.reject(error), request)) events.push(e);
  return events;
}

describe("askEvents when the answer cannot start", () => {
  const details = { scope: "user:ana", limitUsd: 1, usedUsd: 0.9995, resetsAt: "2026-12-04T00:00:00.000Z" };

  it("passes a spent budget on with its code and details, for the panel to explain", async () => {
    const events = await eventsWhenRunThrows(new RouterError("budget_exceeded", "over", { details }));
    expect(events).toEqual([
      { type: "error", code: "budget_exceeded", message: "over", interrupted: false, route: null, details },
    ]);
  });

  it("knows a RouterError from another bundle's copy of the class by its name and shape", async () => {
    const foreign = Object.assign(new Error("over"), {
      name: "RouterError",
      code: "budget_exceeded",
      details,
      toBody: () => ({}),
    });
    const [event] = await eventsWhenRunThrows(foreign);
    expect(event).toMatchObject({ type: "error", code: "budget_exceeded", details });
  });

  it("hides anything else behind a generic message", async () => {
    const [event] = await eventsWhenRunThrows(new Error("connection string with a password"));
    expect(event).toEqual({
      type: "error",
      code: "internal",
      message: "Something went wrong while answering. Try again.",
      interrupted: false,
      route: null,
    });
  });
});
