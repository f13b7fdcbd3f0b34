// The /api/ask wire: newline-delimited JSON events, parsed with zod on the browser side too.
import { z } from "zod";

export const routeInfo = z.object({
  requestId: z.string(),
  modelRequested: z.string(),
  modelUsed: z.string().nullable(),
  provider: z.string().nullable(),
  endpoint: z.string().nullable(),
  tier: z.enum(["fast", "strong"]).nullable(),
  score: z.number().nullable(),
  threshold: z.number().nullable(),
  reasons: z.array(z.string()),
  failover: z.boolean(),
  fallbackChain: z.array(z.string()),
  attempts: z.number(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  costUsd: z.number(),
  ttftMs: z.number().nullable(),
  latencyMs: z.number(),
});
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
  }),
]);
export type AskEvent = z.infer<typeof askEvent>;
