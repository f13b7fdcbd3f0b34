// A dropped or pasted file into the import's preview: decode it, tell its kind, read its rows (CSV and
// .ics by parsers, a picture by a vision model with structured output) and refuse, with a stable code,
// a file that is too big, of another type, unreadable or without a single todo. Nothing is saved here.
import type { Router } from "@switchyard/router";
import type { UserRouting } from "../todoEmbedder.ts";
import { CsvUnreadableError, csvRows } from "./csvRows.ts";
import { fileKindOf, importErrors } from "./fileKind.ts";
import { IcsUnreadableError, icsRows } from "./icsRows.ts";
import { imageRows, PictureUnreadableError } from "./imageRows.ts";
import type { ImportFile, ImportPreview } from "./importSchemas.ts";
import type { ReadRows } from "./rowFields.ts";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function bytesOf(file: ImportFile): Uint8Array {
  const base64 = file.dataBase64.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!BASE64.test(base64) || base64.length % 4 === 1)
    throw importErrors.unreadable("The file", "its contents did not arrive as base64.");
  return new Uint8Array(Buffer.from(base64, "base64"));
}

function parsed(read: () => ReadRows, what: string): ReadRows {
  try {
    return read();
  } catch (error) {
    if (error instanceof CsvUnreadableError || error instanceof IcsUnreadableError)
      throw importErrors.unreadable(what, `${error.message.slice(0, 160)}.`);
    throw error;
  }
}

export interface ExtractDeps {
  router: Pick<Router, "structured">;
  /** Today's date (YYYY-MM-DD), from which a picture's "Friday" is read. */
  today?: () => string;
}

export async function extractImport(
  deps: ExtractDeps,
  file: ImportFile,
  routing: UserRouting,
): Promise<ImportPreview> {
  const started = performance.now();
  const bytes = bytesOf(file);
  const kind = fileKindOf({ name: file.name, type: file.type, bytes });
  let preview: Omit<ImportPreview, "ms">;
  if (kind.kind === "image") {
    const base64 = Buffer.from(bytes).toString("base64");
    let read: Awaited<ReturnType<typeof imageRows>>;
    try {
      read = await imageRows(deps.router, { mediaType: kind.mediaType, base64 }, routing, deps.today?.());
    } catch (error) {
      if (error instanceof PictureUnreadableError)
        throw importErrors.unreadable("The picture", error.message);
      throw error;
    }
    const warnings = read.simulated
      ? ["Read offline by OCR and the simulated model: check each row before saving.", ...read.warnings]
      : read.warnings;
    preview = { source: "image", rows: read.rows, warnings, simulated: read.simulated };
    if (read.model) preview.model = read.model;
  } else if (kind.kind === "csv") {
    preview = { source: "csv", ...parsed(() => csvRows(kind.text), "The CSV file") };
  } else {
    preview = { source: "ics", ...parsed(() => icsRows(kind.text), "The calendar file") };
  }
  if (preview.rows.length === 0)
    throw importErrors.empty(kind.kind === "image" ? "the picture" : `"${file.name.slice(0, 80)}"`);
  return { ...preview, ms: Math.round(performance.now() - started) };
}
