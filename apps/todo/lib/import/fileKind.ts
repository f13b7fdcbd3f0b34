// Which kind of file an upload is, from its bytes first (a renamed file is caught) and its name and
// type second: a picture (PNG, JPEG, WebP, GIF), a CSV or an .ics; anything else is refused. Each
// refusal is an ApiError with a stable code and a message a user can act on.
import { ApiError } from "@switchyard/server";
import { MAX_IMAGE_BYTES, MAX_TEXT_FILE_BYTES } from "./importSchemas.ts";
import { isWholePicture } from "./wholePicture.ts";

type PictureKind = { kind: "image"; mediaType: "image/png" | "image/jpeg" | "image/webp" | "image/gif" };

export type FileKind = PictureKind | { kind: "csv"; text: string } | { kind: "ics"; text: string };

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export const importErrors = {
  tooLarge: (what: string, limit: string) =>
    new ApiError("import_too_large", `${what} is too big to import: the limit is ${limit}.`, 413),
  unsupportedType: (name: string) =>
    new ApiError(
      "import_unsupported_type",
      `"${name.slice(0, 80)}" cannot be imported: use a picture (PNG, JPEG, WebP, GIF), a .csv or an .ics file.`,
      415,
    ),
  unreadable: (what: string, why: string) =>
    new ApiError("import_unreadable", `${what} could not be read: ${why}`, 422),
  empty: (what: string) =>
    new ApiError("import_empty", `No todos were found in ${what}. Nothing was imported.`, 422),
};

function pictureType(bytes: Uint8Array): PictureKind | null {
  const at = (i: number, ...values: number[]) => values.every((v, j) => bytes[i + j] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { kind: "image", mediaType: "image/png" };
  if (at(0, 0xff, 0xd8, 0xff)) return { kind: "image", mediaType: "image/jpeg" };
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50))
    return { kind: "image", mediaType: "image/webp" };
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return { kind: "image", mediaType: "image/gif" };
  return null;
}

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw importErrors.unreadable(what, "it is not UTF-8 text.");
  }
}

/** What the upload is; throws import_too_large, import_unsupported_type or import_unreadable. */
export function fileKindOf(file: { name: string; type: string; bytes: Uint8Array }): FileKind {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  const picture = pictureType(file.bytes);
  if (picture) {
    if (file.bytes.length > MAX_IMAGE_BYTES)
      throw importErrors.tooLarge("The picture", megabytes(MAX_IMAGE_BYTES));
    if (!isWholePicture(file.bytes, picture.mediaType))
      throw importErrors.unreadable("The picture", "the file is damaged or cut off.");
    return picture;
  }
  if (type.startsWith("image/") || /\.(png|jpe?g|webp|gif)$/.test(name))
    throw importErrors.unreadable("The picture", "it is not a PNG, JPEG, WebP or GIF image.");
  const isCsv = name.endsWith(".csv") || type === "text/csv";
  const isIcs = name.endsWith(".ics") || type === "text/calendar";
  if (!isCsv && !isIcs) throw importErrors.unsupportedType(file.name);
  const what = isCsv ? "The CSV file" : "The calendar file";
  if (file.bytes.length > MAX_TEXT_FILE_BYTES)
    throw importErrors.tooLarge(what, kilobytes(MAX_TEXT_FILE_BYTES));
  const text = utf8(file.bytes, what);
  if (text.includes("\u0000")) throw importErrors.unreadable(what, "it holds binary data.");
  return isCsv ? { kind: "csv", text } : { kind: "ics", text };
}
