// The chat request as this provider reads it: wire's chatRequest plus what the simulation honours on
// top of it — OpenAI's tools, tool_choice and response_format, assistant tool_calls and tool results,
// and file parts (OpenAI's and OpenRouter's `{type: "file", file: {filename, file_data}}`).
import { chatRequest } from "@switchyard/wire";
import { z } from "zod";

const textPart = z.object({ type: z.literal("text"), text: z.string() }).loose();
const imagePart = z
  .object({ type: z.literal("image_url"), image_url: z.object({ url: z.string() }).loose() })
  .loose();
const filePart = z
  .object({
    type: z.literal("file"),
    file: z
      .object({
        filename: z.string().optional(),
        /** A data URL (`data:application/pdf;base64,…`) or bare base64. */
        file_data: z.string().optional(),
        file_id: z.string().optional(),
      })
      .loose(),
  })
  .loose();
export const localContentPart = z.discriminatedUnion("type", [textPart, imagePart, filePart]);
export type LocalContentPart = z.infer<typeof localContentPart>;

export const toolCall = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof toolCall>;

export const localChatMessage = z
  .object({
    role: z.enum(["system", "user", "assistant", "tool", "developer"]),
    content: z.union([z.string(), z.array(localContentPart), z.null()]).optional(),
    name: z.string().optional(),
    tool_calls: z.array(toolCall).optional(),
    tool_call_id: z.string().optional(),
  })
  .loose();
export type LocalChatMessage = z.infer<typeof localChatMessage>;

export const toolDefinition = z.object({
  type: z.literal("function"),
  function: z
    .object({
      name: z.string().min(1),
      description: z.string().optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    })
    .loose(),
});
export type ToolDefinition = z.infer<typeof toolDefinition>;

export const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string() }) }),
]);
export type ToolChoice = z.infer<typeof toolChoice>;

export const responseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z
      .object({
        name: z.string(),
        description: z.string().optional(),
        schema: z.record(z.string(), z.unknown()).optional(),
        strict: z.boolean().nullish(),
      })
      .loose(),
  }),
]);
export type ResponseFormat = z.infer<typeof responseFormat>;

export const localChatRequest = chatRequest.extend({
  messages: z.array(localChatMessage).min(1),
  tools: z.array(toolDefinition).optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: responseFormat.optional(),
});
export type LocalChatRequest = z.infer<typeof localChatRequest>;
