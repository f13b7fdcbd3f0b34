// Request bodies of the build routes.
import { z } from "zod";

export const startBuildInput = z.object({ tier: z.enum(["auto", "fast", "strong"]).default("auto") });

export const reviewInput = z.object({
  action: z.enum(["approve", "request_changes", "reject"]),
  revision: z.number().int().min(1),
  comment: z.string().max(4000).default(""),
});
export type ReviewInput = z.input<typeof reviewInput>;
