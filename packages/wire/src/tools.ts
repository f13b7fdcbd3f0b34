// Tool calling and structured outputs on the chat wire: the tools a request offers, how it lets the
// model choose, the calls an answer makes (whole, and as a stream's deltas) and `response_format`.
import { z } from "zod";

export const functionTool = z
  .object({
    type: z.literal("function"),
    function: z
      .object({
        name: z.string().min(1).max(64),
        description: z.string().optional(),
        /** The arguments' JSON Schema. */
        parameters: z.record(z.string(), z.unknown()).optional(),
        strict: z.boolean().nullable().optional(),
      })
      .loose(),
  })
  .loose();
export type FunctionTool = z.infer<typeof functionTool>;

export const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }).loose(),
]);

/** A call an assistant message makes; `arguments` is a JSON text, as the model wrote it. */
export const toolCall = z
  .object({
    id: z.string(),
    type: z.literal("function"),
    function: z.object({ name: z.string(), arguments: z.string() }).loose(),
  })
  .loose();
export type ToolCall = z.infer<typeof toolCall>;

/** A call in an upstream's answer: some providers leave out `type`. */
export const answeredToolCall = toolCall.extend({ type: z.literal("function").optional() });

/** One piece of a call in a stream: `index` says which call, the first piece has its id and name. */
export const toolCallDelta = z
  .object({
    index: z.number().int().min(0),
    id: z.string().optional(),
    type: z.literal("function").optional(),
    function: z.object({ name: z.string().optional(), arguments: z.string().optional() }).loose().optional(),
  })
  .loose();
export type ToolCallDelta = z.infer<typeof toolCallDelta>;

export const jsonSchemaFormat = z
  .object({
    name: z.string().min(1).max(64),
    description: z.string().optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
  })
  .loose();

export const responseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({ type: z.literal("json_schema"), json_schema: jsonSchemaFormat }),
]);
export type ResponseFormat = z.infer<typeof responseFormat>;
