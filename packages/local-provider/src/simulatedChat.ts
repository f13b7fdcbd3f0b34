// The simulated chat model: deterministic, instant, and honest about being a simulation. It answers
// by quoting the lines of the given context that share the most (rare) words with the question, so
// RAG demos show their retrieved context at work without a real model.
import type { ChatMessage } from "@switchyard/wire";
import type { ModelSpec } from "./providerProfiles.ts";
import { messageText } from "./tokens.ts";

export const SIMULATION_MARKER = "[simulated local model";

const STOPWORDS = new Set(
  "the and for are but not you your with this that have has was were what when where which who why how can could would should will shall does did doing from into onto about than then them they their there these those its it's our out all any each some such only own same too very just also more most other over under again once here both few nor off until while being been had having is of to in on at by an a or as be do if so no up me my we he she his her him i".split(
    " ",
  ),
);

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? [])
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w));
}

function candidateLines(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => (line.length > 300 ? line.split(/(?<=[.!?])\s+/) : [line]))
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter((line) => terms(line).length > 0 && !/^[\w\s]+:$/.test(line));
}

/** Separates the question from context a caller may have pasted into the same user message. */
function splitQuestion(lastUser: string): { question: string; inlineContext: string } {
  const lines = lastUser.split(/\n/).filter((l) => l.trim());
  if (lines.length <= 1) return { question: lastUser.trim(), inlineContext: "" };
  const marked = lines.findIndex((l) => /^\s*(question|q)\s*:/i.test(l));
  const index = marked >= 0 ? marked : lines.length - 1;
  const question = lines[index]!.replace(/^\s*(question|q)\s*:\s*/i, "").trim();
  return { question, inlineContext: lines.filter((_, i) => i !== index).join("\n") };
}

interface Scored {
  line: string;
  order: number;
  score: number;
  matched: string[];
}

function rankLines(lines: string[], question: string): Scored[] {
  const queryTerms = [...new Set(terms(question))];
  const lineTerms = lines.map((l) => new Set(terms(l)));
  const idf = (t: string) => Math.log(1 + lines.length / (1 + lineTerms.filter((s) => s.has(t)).length));
  return lines
    .map((line, order) => {
      const matched = queryTerms.filter((t) => lineTerms[order]!.has(t));
      return { line, order, matched, score: matched.reduce((s, t) => s + idf(t), 0) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
}

const quote = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function simulateAnswer(modelId: string, spec: ModelSpec, messages: ChatMessage[]): string {
  const lastUserIndex = messages.findLastIndex((m) => m.role === "user");
  const lastUser = lastUserIndex >= 0 ? messageText(messages[lastUserIndex]!) : "";
  const { question, inlineContext } = splitQuestion(lastUser);
  const context = [
    ...messages.filter((m, i) => i !== lastUserIndex && m.role !== "assistant").map(messageText),
    inlineContext,
  ].join("\n");
  const lines = [...new Set(candidateLines(context))];
  const structured = spec.style === "structured";
  const best = rankLines(lines, question).slice(0, structured ? 4 : 2);
  const marker = `${SIMULATION_MARKER} · ${modelId}]`;
  const asked = `"${quote(question || "(no question)")}"`;

  if (lines.length === 0) {
    return `${marker} You asked ${asked}. I am an offline simulation that answers by quoting the context it is given (for example a system message), and none was given. Configure a real provider for real answers.`;
  }
  if (best.length === 0) {
    return `${marker} Nothing in the context you gave me matches ${asked}. (Offline simulation: I can only quote the context I am given.)`;
  }
  if (!structured) {
    return `${marker} From the context, the lines most relevant to ${asked}:\n${best.map((b) => `- ${quote(b.line, 400)}`).join("\n")}`;
  }
  const supporting = [...best]
    .sort((a, b) => a.order - b.order)
    .map((b, i) => `${i + 1}. ${quote(b.line, 400)} (matches: ${b.matched.join(", ")})`)
    .join("\n");
  return [
    marker,
    "",
    "## Answer",
    `The context most relevant to ${asked} says: ${quote(best[0]!.line, 400)}`,
    "",
    "## Supporting lines",
    supporting,
    "",
    "## Note",
    "Assembled by an offline simulation that quotes your context by word overlap; it does not reason.",
  ].join("\n");
}
