// Everything the router checks on the way in: request bodies read with a size limit (wire's
// readBoundedText counts the bytes as they stream in and stops at the limit) and checked against the
// wire's zod schemas, for all three faces. The checks validate in place: ajv compiles each zod schema
// once (through zod's JSON Schema, on first use) into a check that hands back the value itself
// instead of zod's copy (README, Overhead). zod still explains a failure. One difference from zod's
// parse: unknown keys inside nested objects are kept, not dropped.
import {
  BodyTooLargeError,
  chatRequest,
  embeddingRequest,
  imageRequest,
  readBoundedText,
} from "@switchyard/wire";
import { Ajv, type ValidateFunction } from "ajv";
import { z } from "zod";
import { RouterError } from "./errors.ts";

const ajv = new Ajv({ strict: false });
const maxBodyBytes = 8 * 1024 * 1024;

/** Works like schema.safeParse, except that a valid value is returned as it is rather than copied. */
export type Validator<T> = (value: unknown) => z.ZodSafeParseResult<T>;

export function validator<S extends z.ZodType>(schema: S): Validator<z.output<S>> {
  let check: ValidateFunction | null = null;
  return (value) => {
    check ??= ajv.compile(z.toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" }));
    if (check(value)) return { success: true, data: value as z.output<S> };
    // zod has the readable messages (and the last word, should the two ever disagree).
    return schema.safeParse(value);
  };
}

export const checkChatRequest = validator(chatRequest);
export const checkEmbeddingRequest = validator(embeddingRequest);
export const checkImageRequest = validator(imageRequest);

/** The validated body, or an invalid_request error that names what is wrong. */
export function parseBody<T>(check: Validator<T>, body: unknown): T {
  const parsed = check(body);
  if (parsed.success) return parsed.data;
  // Paths and messages only: never echo the caller's values back.
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
  throw new RouterError("invalid_request", `Invalid request: ${issues.join("; ")}`);
}

/** An HTTP request's JSON body, at most 8 MB: read as a stream and stopped there, chunked or not. */
export async function readJson(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = await readBoundedText(request, maxBodyBytes);
  } catch (err) {
    if (BodyTooLargeError.isInstance(err)) {
      throw new RouterError("payload_too_large", `Request body over ${maxBodyBytes} bytes.`, {
        details: { limitBytes: maxBodyBytes },
      });
    }
    throw new RouterError("invalid_request", "The request body could not be read.", { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new RouterError("invalid_request", "Request body is not valid JSON.");
  }
}

/** An upstream's JSON answer, or undefined when it is not JSON (its check then fails it). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
