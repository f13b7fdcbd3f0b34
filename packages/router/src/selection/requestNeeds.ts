// What a chat request needs of a model beyond answering text, read from its body once per request.
// Most requests need nothing, and then nothing is allocated. Image input is the catalog's "vision"
// capability, which a model of unknown capabilities never has, so it is not repeated here.
import type { ChatRequest } from "@switchyard/wire";
import type { Supports } from "../catalog/catalogSchema.ts";

/** tools: offers tools or holds tool turns; structured_outputs: a JSON response_format; files: a file part. */
export type NeededCapability = "tools" | "structured_outputs" | "files";

/** What the conversation so far holds: file parts, and tool calls or their answers. */
function messageNeeds(req: ChatRequest): { files: boolean; toolTurns: boolean } {
  let files = false;
  let toolTurns = false;
  for (const m of req.messages) {
    // A conversation that already called tools goes on with a model that knows their messages.
    if (m.role === "tool" || (m.tool_calls && m.tool_calls.length > 0)) toolTurns = true;
    if (Array.isArray(m.content)) for (const part of m.content) if (part.type === "file") files = true;
  }
  return { files, toolTurns };
}

export function neededCapabilities(req: ChatRequest): NeededCapability[] | null {
  const { files, toolTurns } = messageNeeds(req);
  const tools = toolTurns || (Array.isArray(req.tools) && req.tools.length > 0);
  const format = req.response_format?.type;
  const structured = format === "json_schema" || format === "json_object";
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
