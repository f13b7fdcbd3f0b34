// GET one request's attempt chain: a member's own only (another user's request id is 404).
import { usageRequestGET } from "@switchyard/server";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ requestId: string }> }) {
  return usageRequestGET(req, "todo", (await ctx.params).requestId);
}
