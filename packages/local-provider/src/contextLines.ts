// The lines the simulated model may quote, and the question it answers. Context is everything but the
// last user message's question: system and developer messages, tool results, context pasted before the
// question, and what was read from attachments. Instructions are never quotable: a system line that
// speaks to the model ("You answer…", "Refer to todos…") is the prompt, not an answer. Lines inside a
// tagged data block (`<todos>` … `</todos>`) and list items are data, whatever they say.
import type { LocalChatMessage } from "./chatBody.ts";
import { messageText } from "./tokens.ts";

export type LineSource = "system" | "user" | "tool" | "attachment";

export interface ContextLine {
  line: string;
  source: LineSource;
}

const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)]|\[\d+\])\s+/;
/** Bullets are dropped when quoting; a `[3]` reference stays, answers refer to items by it. */
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;
const TAG_ONLY = /^\s*<\/?[A-Za-z][\w-]*>\s*$/;
const HEADER_ONLY = /^[\w\s]+:$/;
const SPEAKS_TO_MODEL = /\b(you|your|yourself|the user|the assistant|instructions?|system prompt)\b/i;
const IMPERATIVE =
  /^(use|refer|quote|cite|never|always|do|don't|answer|respond|reply|be|keep|only|follow|ignore|say|list|return|write|think|consider|act|pretend|if|when|avoid|make sure|remember|please|output|format|include|give|provide|explain|summari[sz]e|help|treat|stay|note)\b/i;

/** Whether a system line is an instruction to the model rather than a fact it was given. */
export function isInstruction(line: string): boolean {
  return SPEAKS_TO_MODEL.test(line) || IMPERATIVE.test(line.trim());
}

function hasWords(line: string): boolean {
  return /[\p{L}\p{N}]{2,}/u.test(line);
}

/** Splits text into quotable lines: long paragraphs by sentence, list markers kept for data detection. */
function rawLines(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => (line.length > 300 ? line.split(/(?<=[.!?])\s+/) : [line]))
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Lines of a system or developer message, instructions dropped, tagged blocks and list items kept. */
function systemLines(text: string): string[] {
  const out: string[] = [];
  let openTags = 0;
  for (const line of rawLines(text)) {
    if (TAG_ONLY.test(line)) {
      openTags = Math.max(0, openTags + (line.includes("</") ? -1 : 1));
      continue;
    }
    if (openTags > 0 || LIST_ITEM.test(line) || !isInstruction(line)) out.push(line);
  }
  return out;
}

const clean = (line: string) => line.replace(BULLET, "").trim();

/** Separates the question from context a caller may have pasted into the same user message. */
export function splitQuestion(lastUser: string): { question: string; inlineContext: string } {
  const lines = lastUser.split(/\n/).filter((l) => l.trim());
  if (lines.length <= 1) return { question: lastUser.trim(), inlineContext: "" };
  const marked = lines.findIndex((l) => /^\s*(question|q)\s*:/i.test(l));
  const index = marked >= 0 ? marked : lines.length - 1;
  const question = lines[index]!.replace(/^\s*(question|q)\s*:\s*/i, "").trim();
  return { question, inlineContext: lines.filter((_, i) => i !== index).join("\n") };
}

/** The question and the quotable lines, deduplicated, in the order they were given. */
export function contextOf(
  messages: LocalChatMessage[],
  attachmentTexts: string[],
): { question: string; lines: ContextLine[] } {
  const lastUserIndex = messages.findLastIndex((m) => m.role === "user");
  const lastUser = lastUserIndex >= 0 ? messageText(messages[lastUserIndex]!) : "";
  const { question, inlineContext } = splitQuestion(lastUser);
  const lines: ContextLine[] = [];
  messages.forEach((m, i) => {
    if (i === lastUserIndex || m.role === "assistant") return;
    const text = messageText(m);
    if (m.role === "system" || m.role === "developer") {
      for (const line of systemLines(text)) lines.push({ line, source: "system" });
    } else {
      for (const line of rawLines(text)) lines.push({ line, source: m.role === "tool" ? "tool" : "user" });
    }
  });
  for (const line of rawLines(inlineContext)) lines.push({ line, source: "user" });
  for (const text of attachmentTexts) {
    for (const line of rawLines(text)) lines.push({ line, source: "attachment" });
  }
  const seen = new Set<string>();
  const quotable = lines
    .map((l) => ({ ...l, line: clean(l.line) }))
    .filter((l) => hasWords(l.line) && !HEADER_ONLY.test(l.line) && !seen.has(l.line) && seen.add(l.line));
  return { question, lines: quotable };
}
