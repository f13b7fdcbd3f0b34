// What a chat request needs of a model beyond answering text, read from its body once per request.
// Most requests need nothing, and then nothing is allocated. Image input is the catalog's "vision"
// capability, which a model of unknown capabilities never has, so it is not repeated here.
import type { ChatRequest } from "@switchyard/wire";
import type { Supports } from "../catalog/catalogSchema.ts";

/** tools: offers tools; structured_outputs: a JSON response_format; files: a file (PDF, CSV, …) part. */
export type NeededCapability = "tools" | "structured_outputs" | "files";

function hasFilePart(req: ChatRequest): boolean {
  for (const m of req.messages) {
    if (Array.isArray(m.content)) for (const part of m.content) if (part.type === "file") return true;
  }
  return false;
}

export function neededCapabilities(req: ChatRequest): NeededCapability[] | null {
  const tools = Array.isArray(req.tools) && req.tools.length > 0;
  const format = req.response_format?.type;
  const structured = format === "json_schema" || format === "json_object";
  const files = hasFilePart(req);
  if (!tools && !structured && !files) return null;
  const needs: NeededCapability[] = [];
  if (tools) needs.push("tools");
  if (structured) needs.push("structured_outputs");
  if (files) needs.push("files");
  return needs;
}

/**
 * The first need a model is not known to meet: every need when its capabilities are unknown, else
 * one its catalog entry says it lacks. A field the catalog leaves out (models.dev has no structured
 * outputs flag) does not remove the model; a known list of inputs without "file" does.
 */
// #region unmet-need
export function unmetNeed(supports: Supports | undefined, needs: NeededCapability[]): string | null {
  if (!supports) return "capabilities unknown";
  for (const need of needs) {
    if (need === "tools" && supports.tools === false) return "tools";
    if (need === "structured_outputs" && supports.structuredOutputs === false) return "structured_outputs";
    if (need === "files" && supports.input !== undefined && !supports.input.includes("file")) return "files";
  }
  return null;
}
// #endregion
