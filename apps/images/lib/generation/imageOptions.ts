// What a user can ask for, as tables rather than `if` chains: aspect ratios, sizes and style presets.
// A submission of N images becomes N requests of one image each, so each can appear as it completes.
import { z } from "zod";

export const ASPECTS = {
  square: { label: "Square 1:1", w: 1, h: 1 },
  landscape: { label: "Landscape 3:2", w: 3, h: 2 },
  portrait: { label: "Portrait 2:3", w: 2, h: 3 },
  wide: { label: "Wide 16:9", w: 16, h: 9 },
} as const;

/** Long edge in pixels. */
export const SIZES = {
  small: { label: "Small (256 px)", edge: 256 },
  medium: { label: "Medium (512 px)", edge: 512 },
  large: { label: "Large (1024 px)", edge: 1024 },
} as const;

export const STYLES = {
  none: { label: "No preset", suffix: "" },
  photo: { label: "Photo", suffix: "photograph, natural light, 35mm" },
  watercolor: { label: "Watercolor", suffix: "watercolor painting, soft edges" },
  pixel: { label: "Pixel art", suffix: "pixel art, limited palette" },
  ink: { label: "Ink drawing", suffix: "ink line drawing, cross-hatching" },
} as const;

export type Aspect = keyof typeof ASPECTS;
export type Size = keyof typeof SIZES;
export type Style = keyof typeof STYLES;

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const generateRequestSchema = z.object({
  prompt: z.string().trim().min(1, "Write a prompt.").max(1000),
  aspect: z.enum(keysOf(ASPECTS)).default("square"),
  size: z.enum(keysOf(SIZES)).default("medium"),
  style: z.enum(keysOf(STYLES)).default("none"),
  /** "auto" or a catalog image model id. */
  model: z
    .string()
    .regex(/^[\w./:-]{1,100}$/)
    .default("auto"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

export type GenerateRequest = z.output<typeof generateRequestSchema>;

/** Pixel size as "WxH", both multiples of 64 (what image APIs accept). */
export function pixelSize(aspect: Aspect, size: Size): { width: number; height: number; text: string } {
  const { w, h } = ASPECTS[aspect];
  const edge = SIZES[size].edge;
  const round = (n: number) => Math.max(64, Math.round(n / 64) * 64);
  const width = round(w >= h ? edge : (edge * w) / h);
  const height = round(h >= w ? edge : (edge * h) / w);
  return { width, height, text: `${width}x${height}` };
}

/** The prompt sent upstream: the user's words, then the style preset. */
export function styledPrompt(prompt: string, style: Style): string {
  const suffix = STYLES[style].suffix;
  return suffix ? `${prompt}, ${suffix}` : prompt;
}
