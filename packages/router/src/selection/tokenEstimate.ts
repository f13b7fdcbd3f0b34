// Cheap token estimates for context-window checks and budget reservations (no tokenizer on the hot
// path). Three characters per token over-counts English a little, which is the safe side here.
import type { ChatMessage } from "@switchyard/wire";

export function estimatePromptTokens(messages: ChatMessage[]): number {
  let chars = 0;
  for (const m of messages) {
    if (typeof m.content === "string") chars += m.content.length;
    else if (m.content) for (const part of m.content) chars += part.type === "text" ? part.text.length : 3000;
    chars += 12;
  }
  return Math.ceil(chars / 3);
}

export function estimateTextTokens(input: string | string[]): number {
  const list = typeof input === "string" ? [input] : input;
  let chars = 0;
  for (const s of list) chars += s.length;
  return Math.ceil(chars / 3);
}

export function hasImageInput(messages: ChatMessage[]): boolean {
  return messages.some((m) => Array.isArray(m.content) && m.content.some((p) => p.type === "image_url"));
}
