// What a chat request needs of a model beyond answering text, read from its body once per request.
// Most requests need nothing, and then nothing is allocated. Image input is the catalog's "vision"
// capability, which a model of unknown capabilities never has, so it is not repeated here.
import type { ChatRequest } from "@switchyard/wire";
import type { Supports } from "../catalog/catalogSchema.ts";

export type NeededCapability = "tools" | "structured_outputs";

/** The fields the wire schema lets through without naming them (it is loose). */
interface CapabilityFields {
  tools?: unknown;
  response_format?: { type?: unknown } | null;
}

export function neededCapabilities(req: ChatRequest): NeededCapability[] | null {
  const extra = req as ChatRequest & CapabilityFields;
  const tools = Array.isArray(extra.tools) && extra.tools.length > 0;
  const format = extra.response_format?.type;
  const structured = format === "json_schema" || format === "json_object";
  if (!tools && !structured) return null;
  const needs: NeededCapability[] = [];
  if (tools) needs.push("tools");
  if (structured) needs.push("structured_outputs");
  return needs;
}

/**
 * The first need a model is not known to meet: every need when its capabilities are unknown, else
 * one its catalog entry says it lacks. A field the catalog leaves out (models.dev has no structured
 * outputs flag) does not remove the model.
 */
export function unmetNeed(supports: Supports | undefined, needs: NeededCapability[]): string | null {
  if (!supports) return "capabilities unknown";
  for (const need of needs) {
    if (need === "tools" && supports.tools === false) return "tools";
    if (need === "structured_outputs" && supports.structuredOutputs === false) return "structured_outputs";
  }
  return null;
}
