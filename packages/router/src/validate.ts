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

type Issue = z.core.$ZodIssue;

/**
 * The issues that say what is wrong: inside a union (a message's content is text, parts or null), the
 * branch that matched the value's type, rather than zod's bare "Invalid input".
 */
function leafIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const matched = issue.errors.find(
        (branch) =>
          branch.length > 0 && !branch.every((e) => e.code === "invalid_type" && e.path.length === 0),
      );
      if (matched) {
        out.push(...leafIssues(matched, path));
        continue;
      }
    }
    out.push({ ...issue, path });
  }
  return out;
}

/** The validated body, or an error that names what is wrong: invalid_request, or payload_too_large for an oversized part. */
export function parseBody<T>(check: Validator<T>, body: unknown): T {
  const parsed = check(body);
  if (parsed.success) return parsed.data;
  const leaves = leafIssues(parsed.error.issues);
  // Paths and messages only: never echo the caller's values back.
  const issues = leaves.slice(0, 5).map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
  const oversized = leaves.find(
    (i) => i.code === "too_big" && /^(file_data|url)$/.test(String(i.path.at(-1))),
  );
  if (oversized?.code === "too_big") {
    throw new RouterError(
      "payload_too_large",
      `Request part too large: ${oversized.path.join(".")}: ${oversized.message}`,
      {
        details: { path: oversized.path.join("."), limitChars: Number(oversized.maximum) },
      },
    );
  }
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
