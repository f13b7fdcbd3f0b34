// The parts a chat message's content may hold: text, an image (OpenAI's image_url) and a file, in
// OpenAI's shape (base64 `file_data` or an uploaded `file_id`) and OpenRouter's (a PDF by its URL in
// `file_data`). Sizes are bounded here so an oversized part fails with a message that names the limit.
import { z } from "zod";

export const contentPartLimits = {
  /** A file part's data: a base64 data URL (about 6 MB of file) or a URL; the router's body limit is 8 MB. */
  maxFileDataChars: 8 * 1024 * 1024,
  maxFilenameChars: 255,
  maxFileIdChars: 256,
  /** An image part's URL, a data URL included. */
  maxImageUrlChars: 8 * 1024 * 1024,
} as const;

export const textPart = z.object({ type: z.literal("text"), text: z.string() });

export const imagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({
    url: z.string().max(contentPartLimits.maxImageUrlChars, {
      error: `An image URL may hold at most ${contentPartLimits.maxImageUrlChars} characters.`,
    }),
    /** OpenAI's detail level; "low" is a fixed small token cost. */
    detail: z.enum(["auto", "low", "high"]).optional(),
  }),
});

const filename = z
  .string()
  .min(1)
  .max(contentPartLimits.maxFilenameChars, {
    error: `A filename may hold at most ${contentPartLimits.maxFilenameChars} characters.`,
  });

/** base64 data URL (`data:application/pdf;base64,...`), or an http(s) URL OpenRouter fetches. */
const fileData = z
  .string()
  .max(contentPartLimits.maxFileDataChars, {
    error: `file_data may hold at most ${contentPartLimits.maxFileDataChars} characters (a base64 data URL of about 6 MB).`,
  })
  .regex(/^(data:[\w.+-]+\/[\w.+-]+;base64,|https?:\/\/)/, {
    error: "file_data must be a base64 data URL (data:<type>;base64,...) or an http(s) URL.",
  });

/** Which file: its bytes (or URL) with an optional name, or the id of a file uploaded to the provider. */
const fileRef = z.union([
  z.object({ file_data: fileData, filename: filename.optional() }),
  z.object({
    file_id: z
      .string()
      .min(1)
      .max(contentPartLimits.maxFileIdChars, {
        error: `file_id may hold at most ${contentPartLimits.maxFileIdChars} characters.`,
      }),
    filename: filename.optional(),
  }),
]);

export const filePart = z.object({ type: z.literal("file"), file: fileRef });

export const contentPart = z.discriminatedUnion("type", [textPart, imagePart, filePart], {
  error: 'A content part\'s type must be "text", "image_url" or "file".',
});
export type ContentPart = z.infer<typeof contentPart>;
export type FilePart = z.infer<typeof filePart>;
