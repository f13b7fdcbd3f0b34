// Reads what the user attached — image parts by OCR, file parts as text (PDF, CSV, plain text) — so
// the simulated model can answer from it. Only data URLs are read: a provider with no network cannot
// fetch a remote picture, and says so instead of pretending.
import type { LocalChatMessage } from "./chatBody.ts";
import { decodeDataUrl, fileKind, readPdfText } from "./fileText.ts";
import { readImageText } from "./ocrReader.ts";

/** Text read from attachments is cut here: the simulation quotes lines, it does not need whole books. */
const MAX_TEXT_CHARS = 100_000;

export interface Attachment {
  /** "picture 1", "file 2 (todos.csv)". */
  label: string;
  kind: "image" | "pdf" | "text" | "other";
  text: string;
  /** Why nothing was read, for the answer to say. */
  problem?: string;
}

async function readImage(url: string, label: string): Promise<Attachment> {
  const decoded = url.startsWith("data:") ? decodeDataUrl(url) : undefined;
  if (!decoded) {
    return { label, kind: "image", text: "", problem: "only data: URLs are read offline" };
  }
  try {
    return { label, kind: "image", text: await readImageText(decoded.bytes) };
  } catch (err) {
    return { label, kind: "image", text: "", problem: `OCR failed: ${(err as Error).message}` };
  }
}

async function readFile(data: string | undefined, filename: string | undefined, label: string) {
  const decoded = data ? decodeDataUrl(data) : undefined;
  if (!decoded) {
    return { label, kind: "other", text: "", problem: "no inline file_data to read" } satisfies Attachment;
  }
  const kind = fileKind(decoded.mediaType, filename, decoded.bytes);
  try {
    if (kind === "pdf") return { label, kind, text: await readPdfText(decoded.bytes) };
    if (kind === "image") return { label, kind, text: await readImageText(decoded.bytes) };
    if (kind === "text") return { label, kind, text: decoded.bytes.toString("utf8") };
  } catch (err) {
    return { label, kind, text: "", problem: `unreadable: ${(err as Error).message}` };
  }
  return { label, kind, text: "", problem: `cannot read ${decoded.mediaType} files` };
}

/** Every image and file part of the user's messages, read in order. */
export async function readAttachments(messages: LocalChatMessage[]): Promise<Attachment[]> {
  const reads: Promise<Attachment>[] = [];
  let pictures = 0;
  let files = 0;
  for (const message of messages) {
    if (message.role !== "user" || !Array.isArray(message.content)) continue;
    for (const part of message.content) {
      if (part.type === "image_url") reads.push(readImage(part.image_url.url, `picture ${++pictures}`));
      if (part.type === "file") {
        const name = part.file.filename;
        reads.push(readFile(part.file.file_data, name, `file ${++files}${name ? ` (${name})` : ""}`));
      }
    }
  }
  const read = await Promise.all(reads);
  return read.map((a) => ({ ...a, text: a.text.replace(/\r\n?/g, "\n").slice(0, MAX_TEXT_CHARS) }));
}
