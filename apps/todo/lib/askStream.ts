// Runs the ask chain and turns its answer into an NDJSON byte stream of AskEvents. Every path ends in
// `done` or `error`, so the browser never waits on a spinner forever.
import { isRouterError, type RoutingMeta } from "@switchyard/router";
import type { AskAnswer, AskRequest } from "./askChain.ts";
import type { AskEvent, RouteInfo } from "./askEvents.ts";

/** The routing metadata the browser gets (routeInfo): everything but the idempotency fields. */
export function routeInfoOf({ replay: _replay, idempotencyKey: _key, ...route }: RoutingMeta): RouteInfo {
  return route;
}

function errorEvent(error: unknown, interrupted: boolean): AskEvent {
  // isRouterError also knows another Next route bundle's copy of the class (the process's router may
  // have been built by another route).
  if (isRouterError(error)) {
    const routing = error.routing;
    return {
      type: "error",
      code: error.code,
      message: error.message,
      interrupted,
      route: routing?.requestId ? routeInfoOf(routing) : null,
      ...(error.details ? { details: error.details } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  console.error("[todo] ask failed:", error instanceof Error ? error.message : "unknown");
  return {
    type: "error",
    code: "internal",
    message: "Something went wrong while answering. Try again.",
    interrupted,
    route: null,
  };
}

/** Yields the events of one answer: sources, meta (routing settled), deltas, then done or error. */
export async function* askEvents(
  run: (request: AskRequest) => Promise<AskAnswer>,
  request: AskRequest,
): AsyncGenerator<AskEvent> {
  let streamed = false;
  try {
    const answer = await run(request);
    yield {
      type: "sources",
      sources: answer.sources.map((t) => ({
        id: t.id,
        title: t.title,
        dueDate: t.dueDate,
        status: t.status,
      })),
    };
    let metaSent = false;
    for await (const delta of answer.stream) {
      if (!metaSent) {
        yield { type: "meta", route: routeInfoOf(await answer.stream.started) };
        metaSent = true;
      }
      if (delta.text) {
        streamed = true;
        yield { type: "delta", text: delta.text };
      }
    }
    const result = await answer.stream.result;
    yield { type: "done", route: routeInfoOf(result.routing) };
  } catch (error) {
    yield errorEvent(error, streamed);
  }
}

export function ndjsonResponse(events: AsyncIterable<AskEvent>): Response {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
