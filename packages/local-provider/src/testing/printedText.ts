// Test inputs made on the spot, nothing downloaded: a PNG of printed lines (DejaVu Sans from npm,
// drawn by pureimage, encoded by pngjs like the procedural images) and a PDF of lines (pdf-lib).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PNG } from "pngjs";
import * as PImage from "pureimage";

const require = createRequire(import.meta.url);
const FONT_FAMILY = "DejaVu Sans";
let fontLoaded = false;

function loadFont() {
  if (fontLoaded) return;
  const fonts = dirname(require.resolve("dejavu-fonts-ttf/package.json"));
  PImage.registerFont(join(fonts, "ttf", "DejaVuSans.ttf"), FONT_FAMILY).loadSync();
  fontLoaded = true;
}

/** Black lines of text on white, like a screenshot of a list (1280x720 by default). */
export function printedTextPng(lines: string[], width = 1280, height = 720, fontPx = 28): Buffer {
  loadFont();
  const image = PImage.make(width, height);
  const ctx = image.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#000000";
  ctx.font = `${fontPx}px '${FONT_FAMILY}'`;
  lines.forEach((line, i) => {
    ctx.fillText(line, 40, 80 + i * Math.round(fontPx * 1.8));
  });
  const png = new PNG({ width, height });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png);
}

/** A PDF with one page per entry, each page's lines in Helvetica. */
export async function linesPdf(pages: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage();
    lines.forEach((line, i) => {
      page.drawText(line, { x: 50, y: 720 - i * 28, size: 14, font });
    });
  }
  return Buffer.from(await doc.save());
}

export const dataUrl = (mediaType: string, bytes: Buffer | string) =>
  `data:${mediaType};base64,${Buffer.from(bytes).toString("base64")}`;
