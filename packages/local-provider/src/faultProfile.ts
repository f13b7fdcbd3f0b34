// The fault profile of one endpoint: latency, throughput, injected errors, throttling, outages,
// stalls and credit. Every field has a healthy default so a profile file only lists what differs.
import { z } from "zod";
import { invalidRequest, ProviderError } from "./providerError.ts";

/** JSON has no Infinity: the control API and profile files may say "Infinity" (or null) instead. */
const durationMs = z.union([
  z.number().min(0),
  z.literal("Infinity").transform(() => Number.POSITIVE_INFINITY),
]);
const optionalCount = z.number().int().min(0).nullable();

export const imageContents = ["png", "svg", "html"] as const;

export const errorStatuses = ["429", "500", "502", "503"] as const;
export type ErrorStatus = (typeof errorStatuses)[number];

export const throttleSchema = z.object({
  capacity: z.number().min(0),
  refillPerSecond: z.number().min(0),
  retryAfterSeconds: z.number().min(0).default(1),
});
export type Throttle = z.infer<typeof throttleSchema>;

export const faultProfileSchema = z.object({
  /** Delay before the first token (streaming) or before generation starts (non-streaming). */
  firstTokenMs: durationMs.default(0),
  /** Completion speed; 0 or Infinity means "all at once". */
  tokensPerSecond: durationMs.default(2000),
  /** Spread of latencies as a fraction (0.2 = up to ±20%), drawn from the seeded RNG. */
  jitter: z.number().min(0).max(1).default(0),
  /** Probability (0..1) of answering each status instead of serving the request. */
  errorRates: z.partialRecord(z.enum(errorStatuses), z.number().min(0).max(1)).default({}),
  /** Retry-After sent with injected 429s (throttle 429s use the throttle's own value). */
  retryAfterSeconds: z.number().min(0).default(1),
  /** Token bucket over generation requests; an empty bucket answers 429 + Retry-After. */
  throttle: throttleSchema.nullable().default(null),
  /** Outage: true or "503" answers 503 to everything; "reset" destroys each connection unanswered. */
  down: z.union([z.boolean(), z.literal("503"), z.literal("reset")]).default(false),
  /** After this many streamed tokens, pause for stallMs (Infinity: until the client gives up). */
  stallAfterTokens: optionalCount.default(null),
  stallMs: durationMs.default(0),
  /** After this many streamed tokens, send OpenRouter's mid-stream error chunk and end the stream. */
  errorAfterTokens: optionalCount.default(null),
  /**
   * After this many streamed tokens, end the stream with no finish_reason and no `[DONE]`, as a cut
   * connection would (0: an empty 200 stream). Non-streaming: a 200 whose JSON body is cut short.
   */
  endAfterTokens: optionalCount.default(null),
  /** Extra silence before anything useful (Infinity: hang until the client gives up). */
  hangBeforeFirstTokenMs: durationMs.default(0),
  /** Time to draw one image. */
  imageMs: durationMs.default(0),
  /** What image routes return, always labelled image/png: a real PNG, or script-bearing SVG or HTML. */
  imageContent: z.enum(imageContents).default("png"),
  /** Credit limit in USD; spending reaches it and requests get 402. null = unlimited. */
  creditLimit: z.number().min(0).nullable().default(null),
  /** Send `: OPENROUTER PROCESSING` comments while a stream waits for its first token. */
  processingComments: z.boolean().default(true),
});
export type FaultProfile = z.output<typeof faultProfileSchema>;
/** What a profile file or a control call may send (strings for Infinity, omitted defaults). */
export type FaultProfileInput = z.input<typeof faultProfileSchema>;

/** Validates a patch from the HTTP control API without filling defaults for absent fields. */
export function parseFaultPatch(input: unknown): Partial<FaultProfile> {
  const shape = faultProfileSchema.shape;
  const out: Record<string, unknown> = {};
  const obj = z.record(z.string(), z.unknown()).parse(input);
  for (const [key, value] of Object.entries(obj)) {
    const field = shape[key as keyof typeof shape];
    if (!field) throw new ProviderError(400, "invalid_request", `Unknown fault field "${key}".`);
    const parsed = field.safeParse(value);
    if (!parsed.success) throw invalidRequest(parsed.error, key);
    out[key] = parsed.data;
  }
  return out as Partial<FaultProfile>;
}
