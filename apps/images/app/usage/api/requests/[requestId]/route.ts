import { usageRequestGET } from "@switchyard/server";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ requestId: string }> }) {
  return usageRequestGET("images", (await ctx.params).requestId);
}
