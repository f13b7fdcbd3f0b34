// The classifier judges the turn the model is about to answer: the last user message. Earlier turns only
// count through the conversation-depth feature, so a long chat does not drown the current question.
import type { ChatMessage } from "@switchyard/wire";

function messageText(message: ChatMessage): string {
  if (typeof message.content === "string") return message.content;
  if (message.content === null) return "";
  return message.content
    .map((part) => (part.type === "text" ? part.text : ""))
    .filter((text) => text.length > 0)
    .join("\n");
}

/** The text of the last user message (empty when there is none). */
export function promptText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role === "user") return messageText(message);
  }
  return "";
}

/** How many user turns the conversation holds, the current one included. */
export function userTurns(messages: ChatMessage[]): number {
  return messages.filter((message) => message.role === "user").length;
}
