// File parts in OpenAI's and OpenRouter's shapes, their bounds and messages, and tool calls on the wire.
import { describe, expect, it } from "vitest";
import { chatChunk, chatRequest, chatResponse } from "./chat.ts";
import { contentPartLimits } from "./contentParts.ts";

const withParts = (content: unknown[]) => ({ model: "auto", messages: [{ role: "user", content }] });
const pdf = "data:application/pdf;base64,JVBERi0xLjQK";

describe("file parts", () => {
  it("accepts OpenAI's file part, by its data or by an uploaded file's id", () => {
    const byData = { type: "file", file: { filename: "list.pdf", file_data: pdf } };
    const byId = { type: "file", file: { file_id: "file-abc123" } };
    expect(
      chatRequest.safeParse(withParts([{ type: "text", text: "read this" }, byData, byId])).success,
    ).toBe(true);
  });

  it("accepts OpenRouter's PDF by URL and a CSV as a data URL", () => {
    const byUrl = { type: "file", file: { filename: "doc.pdf", file_data: "https://example.com/doc.pdf" } };
    const csv = { type: "file", file: { filename: "todos.csv", file_data: "data:text/csv;base64,YSxi" } };
    expect(chatRequest.safeParse(withParts([byUrl, csv])).success).toBe(true);
  });

  it("refuses a file part with neither data nor id, or data that is not a data URL or a URL", () => {
    const none = chatRequest.safeParse(withParts([{ type: "file", file: { filename: "x.pdf" } }]));
    expect(none.success).toBe(false);
    const raw = chatRequest.safeParse(withParts([{ type: "file", file: { file_data: "JVBERi0xLjQK" } }]));
    expect(raw.success).toBe(false);
    expect(JSON.stringify(raw.error?.issues)).toContain("base64 data URL");
  });

  it("bounds the file's data and names the limit", () => {
    const big = `data:application/pdf;base64,${"A".repeat(contentPartLimits.maxFileDataChars)}`;
    const parsed = chatRequest.safeParse(withParts([{ type: "file", file: { file_data: big } }]));
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(`at most ${contentPartLimits.maxFileDataChars}`);
  });

  it("names the part types it knows when it meets another", () => {
    const parsed = chatRequest.safeParse(withParts([{ type: "input_audio", input_audio: { data: "" } }]));
    // Inside the content union's branch for arrays.
    expect(JSON.stringify(parsed.error?.issues)).toContain("A content part's type must be");
  });
});

describe("tool calls on the wire", () => {
  const call = { id: "call_1", type: "function", function: { name: "add_todo", arguments: '{"title":"x"}' } };

  it("a request offers tools and sends back an assistant's calls with the tool's answer", () => {
    const req = {
      model: "auto",
      tools: [{ type: "function", function: { name: "add_todo", parameters: { type: "object" } } }],
      tool_choice: "auto",
      response_format: { type: "json_schema", json_schema: { name: "todo", schema: { type: "object" } } },
      messages: [
        { role: "user", content: "add x" },
        { role: "assistant", content: null, tool_calls: [call] },
        { role: "tool", tool_call_id: "call_1", content: "added" },
      ],
    };
    expect(chatRequest.parse(req).messages[2]?.tool_call_id).toBe("call_1");
  });

  it("reads calls in an answer and call deltas in a chunk", () => {
    const answer = {
      id: "r",
      model: "m",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: null, tool_calls: [call] },
          finish_reason: "tool_calls",
        },
      ],
    };
    expect(chatResponse.parse(answer).choices[0]?.message.tool_calls?.[0]?.function.name).toBe("add_todo");
    const chunk = {
      id: "c",
      model: "m",
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: '{"ti' } }] },
          finish_reason: null,
        },
      ],
    };
    expect(chatChunk.parse(chunk).choices[0]?.delta.tool_calls?.[0]?.index).toBe(0);
  });
});
