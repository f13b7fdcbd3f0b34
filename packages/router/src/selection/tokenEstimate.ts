// Cheap token estimates for context-window checks and budget reservations (no tokenizer on the hot
// path). Three characters per token over-counts English a little, which is the safe side here.
// Tools and a response_format's schema count too: providers put them into the prompt.
import type { ChatMessage, ChatRequest, ContentPart } from "@switchyard/wire";

/**
 * An image at OpenAI's "low" detail costs a fixed 85 tokens. Any other is counted at 1,600: about
 * the most a provider charges for one image after its own downscaling (Claude's 1.15 megapixels).
 */
export const imageTokens = { low: 85, other: 1_600 } as const;
/** A file known only by its id or URL is counted like a page or two of text. */
const unseenFileTokens = 1_000;
/** A PDF page of about 1,500 tokens (its text and its picture) takes some 30 KB: 20 bytes a token. */
const binaryFileBytesPerToken = 20;

/** A file part's characters: a text file's bytes as text, any other's bytes at a PDF's rate. */
function fileChars(fileData: string): number {
  const comma = fileData.indexOf(",");
  if (!fileData.startsWith("data:") || comma < 0) return 3 * unseenFileTokens;
  const bytes = Math.floor(((fileData.length - comma - 1) * 3) / 4);
  const mime = fileData.slice(5, comma);
  if (/^(text\/|application\/(json|xml|csv))/.test(mime)) return bytes;
  return 3 * Math.max(unseenFileTokens, Math.ceil(bytes / binaryFileBytesPerToken));
}

function partChars(part: ContentPart): number {
  if (part.type === "text") return part.text.length;
  if (part.type === "image_url") {
    return 3 * (part.image_url.detail === "low" ? imageTokens.low : imageTokens.other);
  }
  return "file_data" in part.file ? fileChars(part.file.file_data) : 3 * unseenFileTokens;
}

function messageChars(m: ChatMessage): number {
  let chars = 12;
  if (typeof m.content === "string") chars += m.content.length;
  else if (m.content) for (const part of m.content) chars += partChars(part);
  if (m.tool_calls) {
    for (const call of m.tool_calls) chars += call.function.name.length + call.function.arguments.length + 12;
  }
  return chars;
}

/** The messages plus the tools' definitions and a response_format's JSON schema. */
export function estimateChatTokens(req: ChatRequest): number {
  let chars = 0;
  for (const m of req.messages) chars += messageChars(m);
  if (req.tools) for (const tool of req.tools) chars += JSON.stringify(tool.function).length;
  if (req.response_format?.type === "json_schema")
    chars += JSON.stringify(req.response_format.json_schema).length;
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
