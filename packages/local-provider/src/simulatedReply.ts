// What a simulated chat model replies: it reads the attachments first (OCR, PDF and text files), then
// calls a tool when one fits (simulatedTools.ts), answers in JSON when a json_schema or json_object
// response_format asks for it (schemaValue.ts), or quotes the context (simulatedChat.ts).
import { type Attachment, readAttachments } from "./attachments.ts";
import { calendarItems, isCalendar } from "./calendarItems.ts";
import type { LocalChatRequest } from "./chatBody.ts";
import { contextOf, splitQuestion } from "./contextLines.ts";
import type { ModelSpec } from "./providerProfiles.ts";
import { type DataItem, fill, type JsonSchema } from "./schemaValue.ts";
import { markerOf, simulateAnswer } from "./simulatedChat.ts";
import { type ChosenTool, chooseToolCall } from "./simulatedTools.ts";
import { cellsOf } from "./textHints.ts";
import { messageText } from "./tokens.ts";

export interface SimulatedReply {
  text: string;
  toolCall?: ChosenTool;
  /** Characters read from attachments, counted as prompt tokens like a real model's image tokens. */
  readChars: number;
}

/** Events of a calendar, rows of a CSV-like text with its header's names, or else its lines. */
function itemsOfText(text: string): DataItem[] {
  if (isCalendar(text)) return calendarItems(text);
  const lines = text.split("\n").filter((l) => l.trim());
  const cells = lines.map(cellsOf);
  const width = cells[0]?.length ?? 0;
  const table = width >= 2 && cells.filter((c) => c.length === width).length >= lines.length * 0.8;
  if (!table) return lines.map((l) => ({ text: l.trim() }));
  const header = cells[0]!;
  const headed = header.every((h) => h && !/\d/.test(h));
  const rows = headed ? cells.slice(1) : cells;
  return rows.map((row) => ({
    text: row.filter(Boolean).join(", "),
    ...(headed ? { fields: Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""])) } : {}),
  }));
}

/** The data an array in a tool's arguments or a JSON answer takes one item from each of. */
function dataItems(request: LocalChatRequest, attachments: Attachment[]): DataItem[] {
  const read = attachments.filter((a) => a.text.trim());
  if (read.length > 0) return read.flatMap((a) => itemsOfText(a.text));
  return contextOf(request.messages, []).lines.map((l) => ({ text: l.line }));
}

export async function simulatedReply(
  request: LocalChatRequest,
  spec: ModelSpec,
  today = new Date(),
): Promise<SimulatedReply> {
  const attachments = await readAttachments(request.messages);
  const readChars = attachments.reduce((n, a) => n + a.text.length, 0);
  const lastUser = request.messages.findLast((m) => m.role === "user");
  const { question } = splitQuestion(lastUser ? messageText(lastUser) : "");
  const items = dataItems(request, attachments);
  const marker = markerOf(request.model);

  const toolCall = await chooseToolCall({
    tools: request.tools,
    toolChoice: request.tool_choice,
    messages: request.messages,
    message: question,
    items,
    today,
  });
  if (toolCall) {
    const how =
      request.tool_choice === undefined ||
      request.tool_choice === "auto" ||
      request.tool_choice === "required"
        ? `the tool closest in meaning to your message (similarity ${toolCall.similarity.toFixed(2)})`
        : "the tool you named";
    return {
      text: `${marker} Simulated tool call: ${toolCall.name}, ${how}, with arguments taken from your words.`,
      toolCall,
      readChars,
    };
  }

  const format = request.response_format;
  if (format?.type === "json_schema") {
    const schema = (format.json_schema.schema ?? { type: "object" }) as JsonSchema;
    const value = fill(schema, format.json_schema.name, { text: question, items, today });
    return { text: JSON.stringify(value), readChars };
  }
  const answer = await simulateAnswer(request.model, spec, request.messages, attachments);
  if (format?.type === "json_object") {
    return { text: JSON.stringify({ simulated: true, answer }), readChars };
  }
  return { text: answer, readChars };
}
