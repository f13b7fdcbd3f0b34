// The shape of an app's dial file (data/app-traffic/<app>.dial.json): named stops from cheapest to best,
// each a score threshold calibrated on the tune part of that app's labelled traffic.
import { z } from "zod";

export const dialStop = z.object({
  name: z.string().min(1),
  /** The owner's target: at most this share of questions that need the strong model may go fast. */
  maxMissRate: z.number().min(0).max(1),
  threshold: z.number().min(0).max(1.000001),
  /** What the threshold did on the tune part it was chosen from. */
  tune: z.object({ recall: z.number(), strongShare: z.number(), missed: z.number().int() }),
});
export type DialStop = z.infer<typeof dialStop>;

export const appDial = z
  .object({
    app: z.string().min(1),
    defaultStop: z.string().min(1),
    stops: z.array(dialStop).min(1),
    calibration: z.object({
      rule: z.string(),
      confidence: z.number().min(0).max(1),
      setSha256: z.string(),
      weightsSha256: z.string(),
      tuneQuestions: z.number().int(),
      tuneStrong: z.number().int(),
    }),
  })
  .refine((dial) => dial.stops.some((stop) => stop.name === dial.defaultStop), {
    message: "defaultStop must name one of the stops",
  });
export type AppDial = z.infer<typeof appDial>;
