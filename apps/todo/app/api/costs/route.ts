import { errorResponse } from "@switchyard/server";
import { costSummary } from "@/lib/costSummary.ts";
import { APP_NAME, todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, router } = await todoServices();
    await router.flush(); // ledger rows are written in the background; include the latest answer
    return Response.json(await costSummary(db, APP_NAME));
  } catch (error) {
    return errorResponse(error);
  }
}
