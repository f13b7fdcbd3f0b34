// The prompt estimate counts what providers bill as prompt: tool definitions, a json_schema, images
// (a low-detail one cheaply) and files, besides the text.
import type { ChatRequest } from "@switchyard/wire";
import { describe, expect, it } from "vitest";
import { estimateChatTokens, imageTokens } from "./tokenEstimate.ts";

const text = (content: string): ChatRequest => ({ model: "auto", messages: [{ role: "user", content }] });
const withParts = (content: NonNullable<ChatRequest["messages"][number]["content"]>): ChatRequest => ({
  model: "auto",
  messages: [{ role: "user", content }],
});
const base = estimateChatTokens(text(""));

describe("estimateChatTokens", () => {
  it("counts the tools' names, descriptions and JSON schemas", () => {
    const parameters = {
      type: "object",
      properties: { title: { type: "string", description: "what to do" }, due: { type: "string" } },
    };
    const tool = {
      type: "function" as const,
      function: { name: "add_todo", description: "Add a todo", parameters },
    };
    const withTools = estimateChatTokens({ ...text(""), tools: [tool, tool] });
    const oneTool = Math.ceil(JSON.stringify(tool.function).length / 3);
    expect(withTools - base).toBeGreaterThanOrEqual(2 * oneTool - 1);
  });

  it("counts a json_schema response_format", () => {
    const format = {
      type: "json_schema" as const,
      json_schema: { name: "todo", schema: { type: "object", properties: { title: { type: "string" } } } },
    };
    expect(estimateChatTokens({ ...text(""), response_format: format })).toBeGreaterThan(base + 20);
  });

  it("counts each image, a low-detail one at 85 tokens", () => {
    const url = "data:image/png;base64,iVBORw0K";
    const two = estimateChatTokens(
      withParts([
        { type: "image_url", image_url: { url } },
        { type: "image_url", image_url: { url, detail: "high" } },
      ]),
    );
    expect(two - base).toBe(2 * imageTokens.other);
    const low = estimateChatTokens(withParts([{ type: "image_url", image_url: { url, detail: "low" } }]));
    expect(low - base).toBe(imageTokens.low);
  });

  it("counts a text file's bytes as text and a PDF's at a page's rate, never below a page", () => {
    const csv = Buffer.from("title,due\n".repeat(300)).toString("base64");
    const csvTokens = estimateChatTokens(
      withParts([{ type: "file", file: { filename: "t.csv", file_data: `data:text/csv;base64,${csv}` } }]),
    );
    expect(csvTokens - base).toBe(1000);
    const pdf = Buffer.alloc(300_000).toString("base64");
    const pdfTokens = estimateChatTokens(
      withParts([{ type: "file", file: { file_data: `data:application/pdf;base64,${pdf}` } }]),
    );
    expect(pdfTokens - base).toBe(15_000);
    const byId = estimateChatTokens(withParts([{ type: "file", file: { file_id: "file-1" } }]));
    expect(byId - base).toBe(1000);
  });

  it("counts an assistant's tool calls sent back", () => {
    const call = {
      id: "c",
      type: "function" as const,
      function: { name: "add_todo", arguments: "x".repeat(300) },
    };
    const req: ChatRequest = {
      model: "auto",
      messages: [{ role: "assistant", content: null, tool_calls: [call] }],
    };
    expect(estimateChatTokens(req) - base).toBeGreaterThanOrEqual(100);
  });
});
