// Whether a picture's bytes are whole: a PNG's chunks from IHDR to IEND, a JPEG's end-of-image marker,
// a WebP's RIFF length, a GIF's trailer. A damaged or cut-off file is refused here with a clear
// message instead of reaching a model (the local provider's OCR cannot read one either).
type PictureType = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

function wholePng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type) || (first && type !== "IHDR")) return false;
    at += 12 + length;
    if (at > bytes.length) return false;
    if (type === "IEND") return true;
    first = false;
  }
  return false;
}

function wholeJpeg(bytes: Uint8Array): boolean {
  // Some encoders pad after the end-of-image marker: look for it near the end.
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
  return false;
}

function wholeWebp(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.length >= 12 && view.getUint32(4, true) + 8 <= bytes.length;
}

export function isWholePicture(bytes: Uint8Array, type: PictureType): boolean {
  if (type === "image/png") return wholePng(bytes);
  if (type === "image/jpeg") return wholeJpeg(bytes);
  if (type === "image/webp") return wholeWebp(bytes);
  return bytes.length > 13 && bytes[bytes.length - 1] === 0x3b;
}
