// Which image format a provider's bytes really are, from their first bytes (magic numbers), never
// from the type the provider declared: an app stores and serves the bytes with this type, and an
// upstream that answers SVG or HTML labelled image/png must not get script onto the app's origin.
import type { ImageMimeType } from "../types.ts";

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpeg = [0xff, 0xd8, 0xff];
const riff = [0x52, 0x49, 0x46, 0x46]; // "RIFF", then 4 bytes of size, then "WEBP"
const webp = [0x57, 0x45, 0x42, 0x50];

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** PNG, JPEG or WebP by their signatures; null for anything else (SVG, HTML, GIF, garbage). */
export function sniffImageType(bytes: Uint8Array): ImageMimeType | null {
  if (startsWith(bytes, png)) return "image/png";
  if (startsWith(bytes, jpeg)) return "image/jpeg";
  if (startsWith(bytes, riff) && startsWith(bytes, webp, 8)) return "image/webp";
  return null;
}

/** The type of base64 image bytes, decoded as the app will decode them to store them. */
export function sniffBase64Image(b64: string): ImageMimeType | null {
  return sniffImageType(Buffer.from(b64, "base64"));
}
