// The simulated chat model: deterministic, honest about being a simulation. It answers by quoting
// the context lines closest in meaning to the question (real sentence embeddings, rankLines.ts),
// never an instruction of the prompt (contextLines.ts), and says what it read from attached pictures
// (OCR) and files, so RAG and import demos show their inputs at work without a real model.
import type { Attachment } from "./attachments.ts";
import type { LocalChatMessage } from "./chatBody.ts";
import { contextOf } from "./contextLines.ts";
import type { ModelSpec } from "./providerProfiles.ts";
import { rankLines } from "./rankLines.ts";

export const SIMULATION_MARKER = "[simulated local model";
/** Lines of each attachment shown in an answer. */
const SHOWN_LINES = 12;

const quote = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const markerOf = (modelId: string) => `${SIMULATION_MARKER} · ${modelId}]`;

/** "I read picture 1 (by OCR): …" for each attachment, or why it could not be read. */
function whatWasRead(attachments: Attachment[]): string[] {
  return attachments.map((a) => {
    const how = a.kind === "image" ? " by OCR" : a.kind === "pdf" ? " as PDF text" : "";
    if (a.problem) return `I could not read ${a.label}: ${a.problem}.`;
    const lines = a.text.split("\n").filter((l) => l.trim());
    if (lines.length === 0) return `I read ${a.label}${how} and found no text in it.`;
    const shown = lines.slice(0, SHOWN_LINES).map((l) => `  ${quote(l.trim(), 300)}`);
    const more = lines.length > SHOWN_LINES ? [`  … (${lines.length - SHOWN_LINES} more lines)`] : [];
    return [`I read ${a.label}${how} (${lines.length} lines):`, ...shown, ...more].join("\n");
  });
}

export async function simulateAnswer(
  modelId: string,
  spec: ModelSpec,
  messages: LocalChatMessage[],
  attachments: Attachment[] = [],
): Promise<string> {
  const { question, lines } = contextOf(
    messages,
    attachments.map((a) => a.text),
  );
  const structured = spec.style === "structured";
  const ranked = await rankLines(
    lines.map((l) => l.line),
    question,
  );
  const best = ranked.slice(0, structured ? 4 : 2);
  const marker = markerOf(modelId);
  const asked = `"${quote(question || "(no question)")}"`;
  const read = whatWasRead(attachments);
  const readPart = read.length > 0 ? `\n${read.join("\n")}` : "";

  if (lines.length === 0) {
    if (read.length > 0) return `${marker} You asked ${asked}.${readPart}`;
    return `${marker} You asked ${asked}. I am an offline simulation that answers by quoting the context it is given (for example a system message), and none was given. Configure a real provider for real answers.`;
  }
  if (best.length === 0) {
    return `${marker} Nothing in the context you gave me matches ${asked}. (Offline simulation: I can only quote the context I am given.)${readPart}`;
  }
  if (!structured) {
    return `${marker} From the context, the lines most relevant to ${asked}:\n${best.map((b) => `- ${quote(b.line, 400)}`).join("\n")}${readPart}`;
  }
  const supporting = [...best]
    .sort((a, b) => a.order - b.order)
    .map((b, i) => `${i + 1}. ${quote(b.line, 400)} (similarity ${b.similarity.toFixed(2)})`)
    .join("\n");
  return [
    marker,
    "",
    "## Answer",
    `The context most relevant to ${asked} says: ${quote(best[0]!.line, 400)}`,
    "",
    "## Supporting lines",
    supporting,
    ...(read.length > 0 ? ["", "## What I read", ...read] : []),
    "",
    "## Note",
    "Assembled by an offline simulation that quotes the context closest in meaning to the question (local sentence embeddings); it does not reason.",
  ].join("\n");
}
