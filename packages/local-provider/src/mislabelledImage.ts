// The imageContent fault: image routes answer script-bearing SVG or HTML bytes, still labelled
// image/png, as a compromised or careless upstream might. A client that trusts the label and serves
// the bytes inline runs the script on its own origin; one that checks the bytes refuses them.
import type { FaultProfile } from "./faultProfile.ts";
import { drawImageCached } from "./proceduralImage.ts";

const hostile = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(document.domain)"><script>alert(document.domain)</script><rect width="64" height="64"/></svg>',
  html: "<!doctype html><html><body><script>alert(document.domain)</script><p>not an image</p></body></html>",
};

/** The bytes an image route returns under the image/png label: the drawing, unless the fault says otherwise. */
export function imageBytes(
  content: FaultProfile["imageContent"],
  prompt: string,
  seed: number,
  width: number,
  height: number,
): Buffer {
  if (content === "png") return drawImageCached(prompt, seed, width, height);
  return Buffer.from(hostile[content], "utf8");
}
