// The /api/ask wire: newline-delimited JSON events, parsed with zod on the browser side too.
import { routingMeta } from "@switchyard/wire";
import { z } from "zod";

/** A request's routing as the browser shows it: the router's RoutingMeta without its idempotency fields. */
export const routeInfo = routingMeta.omit({ replay: true, idempotencyKey: true });
export type RouteInfo = z.infer<typeof routeInfo>;

const source = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(["open", "done"]),
});
export type AskSource = z.infer<typeof source>;

export const askEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("sources"), sources: z.array(source) }),
  z.object({ type: z.literal("meta"), route: routeInfo }),
  z.object({ type: z.literal("delta"), text: z.string() }),
  z.object({ type: z.literal("done"), route: routeInfo }),
  z.object({
    type: z.literal("error"),
    code: z.string(),
    message: z.string(),
    /** True when part of the answer had already streamed (the UI shows it as interrupted). */
    interrupted: z.boolean(),
    route: routeInfo.nullable(),
    /** The router error's secret-free details: for `budget_exceeded`, the scope, its limit and what was used. */
    details: z.record(z.string(), z.unknown()).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
]);
export type AskEvent = z.infer<typeof askEvent>;
