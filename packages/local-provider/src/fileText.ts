// What a file part says, as text: PDFs through unpdf (PDF.js built for servers, no canvas, no
// network), text, CSV, Markdown, JSON and other text types as UTF-8. Anything else is reported as
// unreadable instead of guessed at.
import { extractText } from "unpdf";

export type FileKind = "pdf" | "text" | "image" | "other";

const TEXT_EXTENSIONS = /\.(txt|csv|tsv|md|markdown|json|ics|xml|html?|ya?ml|log)$/i;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|bmp)$/i;

export interface DecodedData {
  mediaType: string;
  bytes: Buffer;
}

/** A `data:<type>;base64,…` URL (or bare base64) as bytes; undefined when it is neither. */
export function decodeDataUrl(
  data: string,
  fallbackType = "application/octet-stream",
): DecodedData | undefined {
  const m = /^data:([^;,]*)(;[^,]*)?,(.*)$/s.exec(data);
  if (m) {
    const base64 = (m[2] ?? "").includes(";base64");
    const body = m[3] ?? "";
    return {
      mediaType: m[1] || "text/plain",
      bytes: base64 ? Buffer.from(body, "base64") : Buffer.from(decodeURIComponent(body), "utf8"),
    };
  }
  if (/^[A-Za-z0-9+/=\s]+$/.test(data))
    return { mediaType: fallbackType, bytes: Buffer.from(data, "base64") };
  return undefined;
}

/** What kind of file this is, by its media type, its name, then its first bytes. */
export function fileKind(mediaType: string, filename: string | undefined, bytes: Buffer): FileKind {
  const name = filename ?? "";
  if (mediaType === "application/pdf" || /\.pdf$/i.test(name) || bytes.subarray(0, 5).toString() === "%PDF-")
    return "pdf";
  if (mediaType.startsWith("image/") || IMAGE_EXTENSIONS.test(name)) return "image";
  if (
    mediaType.startsWith("text/") ||
    /json|csv|xml|yaml|calendar/.test(mediaType) ||
    TEXT_EXTENSIONS.test(name)
  )
    return "text";
  return "other";
}

/** Every page's text, pages separated by a blank line. */
export async function readPdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  return text.map((page) => page.trim()).join("\n\n");
}
