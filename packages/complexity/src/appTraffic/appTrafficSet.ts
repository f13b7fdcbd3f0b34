// An app's own traffic for calibrating the router: questions written for the app, each labelled
// `fast` or `strong` by the rubric in data/app-traffic/RUBRIC.md, split into tune and held-out parts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";

export const appTrafficRow = z.object({
  prompt: z.string().min(1),
  label: z.enum(["fast", "strong"]),
  kind: z.string().min(1),
});
export type AppTrafficRow = z.infer<typeof appTrafficRow>;

export const APP_TRAFFIC_DIR = new URL("../../data/app-traffic/", import.meta.url).pathname;

export function appTrafficFile(app: string): string {
  return `${APP_TRAFFIC_DIR}${app}.jsonl`;
}

export function loadAppTraffic(app: string): AppTrafficRow[] {
  const file = appTrafficFile(app);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = appTrafficRow.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * The fixed split rule (stated in the rubric): a question is held out when the first hex digit of the
 * sha256 of its prompt is 0-4, about 5 in 16. It depends on the text alone, so appending or reordering
 * questions never moves an existing one between the parts.
 */
export function isHeldOut(prompt: string): boolean {
  return "01234".includes(createHash("sha256").update(prompt).digest("hex")[0]!);
}

export function sha256Hex(bytes: string | Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
