// A screenshot or photo of a list into preview rows: one router.structured() call with the picture as an
// image part, so only models that see images are candidates (GPT-4o, Claude 3 Haiku with a key;
// offline, the local provider reads the picture with OCR and its simulated model fills the schema from
// the lines it read). The router checks the answer against the zod schema and retries once on the next
// candidate when it does not match; two bad answers make the picture unreadable.
import { isRouterError, type Router } from "@switchyard/router";
import { z } from "zod";
import type { UserRouting } from "../todoEmbedder.ts";
import { type ReadRows, readRows } from "./rowFields.ts";

/** What the model is asked to return: one item per todo it sees in the picture. */
export const pictureItems = z.object({
  items: z.array(
    z.object({
      title: z.string().describe("the todo's text as written, without bullets or checkboxes"),
      due_date: z.string().nullable().describe("the due date as YYYY-MM-DD, or null when none is written"),
      priority: z.enum(["none", "low", "medium", "high"]).describe("high when marked urgent or important"),
      tags: z.array(z.string()).describe("#tags or the list's heading, lower case"),
    }),
  ),
});

/** The longest answer the import may get: it bounds the budget the router reserves before the call. */
export const PICTURE_MAX_TOKENS = 4000;

const INSTRUCTIONS = [
  "You read a picture of a to-do list and return each item in it as JSON matching the schema.",
  "Keep each item's own words as its title. Leave out headings, dates on their own and decoration.",
  "Dates are YYYY-MM-DD; today is {today}, so resolve relative dates ('Friday') from it.",
].join(" ");

export class PictureUnreadableError extends Error {
  override readonly name = "PictureUnreadableError";
}

export interface PictureRows extends ReadRows {
  model: string | null;
  simulated: boolean;
}

export async function imageRows(
  router: Pick<Router, "structured">,
  picture: { mediaType: string; base64: string },
  routing: UserRouting,
  today = new Date().toISOString().slice(0, 10),
): Promise<PictureRows> {
  let result: Awaited<ReturnType<typeof router.structured<typeof pictureItems>>>;
  try {
    result = await router.structured(
      {
        model: "auto",
        max_tokens: PICTURE_MAX_TOKENS,
        messages: [
          { role: "system", content: INSTRUCTIONS.replace("{today}", today) },
          {
            role: "user",
            content: [
              { type: "text", text: "The to-do items in this picture:" },
              { type: "image_url", image_url: { url: `data:${picture.mediaType};base64,${picture.base64}` } },
            ],
          },
        ],
        schema: pictureItems,
        name: "todo_items",
        strict: true,
      },
      { ...routing, feature: "import" },
    );
  } catch (error) {
    // Two answers (the first model's and the retry's) did not match the schema.
    if (isRouterError(error) && error.code === "invalid_output")
      throw new PictureUnreadableError("the model's answer was not the list of items it was asked for.");
    throw error;
  }
  const read = readRows(
    result.data.items.map((item) => ({
      title: item.title,
      due: item.due_date,
      priority: item.priority,
      tags: item.tags,
    })),
    (i) => `Item ${i + 1}`,
  );
  const provider = result.routing.provider ?? "";
  return { ...read, model: result.routing.modelUsed, simulated: /local/i.test(provider) };
}
