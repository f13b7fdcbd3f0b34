// What the import accepts and returns: a file sent as base64 in JSON (the app's mutating routes take
// JSON only), the preview's rows (title, due date, priority, tags) and the rows a user saves.
import { z } from "zod";
import { todoInput } from "../todoSchemas.ts";

/** A photo or screenshot of a list: big enough for a phone photo, small enough for a vision model. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** A CSV or .ics file: a thousand-line list is well under this. */
export const MAX_TEXT_FILE_BYTES = 512 * 1024;
/** Rows in one preview and one save; a longer file is cut here and the preview says so. */
export const MAX_IMPORT_ROWS = 200;
/** The JSON body of a preview: the largest file as base64 (4/3 of its size) plus its name and type. */
export const MAX_PREVIEW_BODY_BYTES = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4096;
/** The JSON body of a save: 200 rows with the longest title and twelve of the longest tags fit. */
export const MAX_SAVE_BODY_BYTES = 512 * 1024;

export const importFile = z.object({
  name: z.string().trim().min(1).max(255),
  type: z.string().trim().max(100).default(""),
  dataBase64: z.string().min(1, "The file is empty.").max(MAX_PREVIEW_BODY_BYTES),
});
export type ImportFile = z.infer<typeof importFile>;

export const importRow = z.object({
  title: todoInput.shape.title,
  dueDate: z.iso.date().nullable(),
  priority: z.number().int().min(0).max(3),
  tags: todoInput.shape.tags.unwrap(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importSave = z.object({
  rows: z.array(importRow).min(1, "There is nothing to save.").max(MAX_IMPORT_ROWS),
});

export type ImportSource = "image" | "csv" | "ics";

export interface ImportPreview {
  source: ImportSource;
  rows: ImportRow[];
  /** What the user should check: rows cut, dates that could not be read, a simulated model. */
  warnings: string[];
  /** The model that read a picture, with `simulated` when it is the local provider's. */
  model?: string;
  simulated?: boolean;
  /** How long reading the file took on the server. */
  ms: number;
}
