// Token accounting for the simulation. Real tokenizers average about four characters a token in
// English; that is close enough for realistic usage and cost figures.

export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

/** A message as far as its text goes: wire's messages and the provider's own (with file parts) fit. */
type WithContent = { content?: string | readonly { type: string; text?: string }[] | null };

export function messageText(message: WithContent): string {
  if (typeof message.content === "string") return message.content;
  if (!message.content) return "";
  return message.content.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("\n");
}

/** Prompt tokens the way chat APIs count them: content plus a few tokens of framing per message. */
export function promptTokens(messages: WithContent[]): number {
  return messages.reduce((sum, m) => sum + estimateTokens(messageText(m)) + 4, 3);
}

/** Splits a completion into the word-sized pieces a stream sends; joined, they give the text back. */
export function splitIntoTokens(text: string): string[] {
  const pieces = text.match(/\s*\S+/g) ?? [];
  const tail = text.slice(pieces.join("").length);
  if (tail && pieces.length > 0) pieces[pieces.length - 1] += tail;
  return pieces.length > 0 ? pieces : text ? [text] : [];
}
