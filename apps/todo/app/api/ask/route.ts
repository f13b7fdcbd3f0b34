import { errorResponse, readJson } from "@switchyard/server";
import { askEvents, ndjsonResponse } from "@/lib/askStream.ts";
import { currentOwner } from "@/lib/owner.ts";
import { askInput } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

/** POST {question, tier} -> an NDJSON stream of AskEvents (sources, meta, delta…, done | error). */
export async function POST(req: Request) {
  try {
    const { question, tier } = await readJson(req, askInput, 8 * 1024);
    const { ask } = await todoServices();
    const request = { owner: currentOwner(), question, tier, signal: req.signal };
    return ndjsonResponse(askEvents((r) => ask.invoke(r), request));
  } catch (error) {
    return errorResponse(error);
  }
}
