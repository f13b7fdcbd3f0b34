// GET /usage/api/requests/:requestId: one request's attempt chain; a member's own only (else 404).
import { usageRequestGET } from "@switchyard/server";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ requestId: string }> }) {
  return usageRequestGET(req, "images", (await ctx.params).requestId);
}
