// File and image parts on the way in: accepted in OpenAI's and OpenRouter's shapes, an oversized one
// refused as payload_too_large naming the limit, a malformed one as invalid_request saying what is wrong.
import { contentPartLimits } from "@switchyard/wire";
import { describe, expect, it } from "vitest";
import { checkChatRequest, parseBody } from "./validate.ts";

const withPart = (part: unknown) => ({ model: "auto", messages: [{ role: "user", content: [part] }] });
const refusal = (body: unknown) => {
  try {
    parseBody(checkChatRequest, body);
    return null;
  } catch (err) {
    return err as { code: string; status: number; message: string; details?: Record<string, unknown> };
  }
};

describe("content parts in a chat request", () => {
  it("accepts OpenAI's file part and OpenRouter's PDF by URL", () => {
    expect(
      refusal(
        withPart({
          type: "file",
          file: { filename: "a.pdf", file_data: "data:application/pdf;base64,JVBE" },
        }),
      ),
    ).toBeNull();
    expect(refusal(withPart({ type: "file", file: { file_id: "file-123" } }))).toBeNull();
    expect(
      refusal(
        withPart({ type: "file", file: { filename: "a.pdf", file_data: "https://example.com/a.pdf" } }),
      ),
    ).toBeNull();
  });

  it("refuses an oversized file as payload_too_large (413) with the limit", () => {
    const big = `data:application/pdf;base64,${"A".repeat(contentPartLimits.maxFileDataChars)}`;
    const err = refusal(withPart({ type: "file", file: { file_data: big } }));
    expect(err).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(err?.details).toEqual({
      path: "messages.0.content.0.file.file_data",
      limitChars: contentPartLimits.maxFileDataChars,
    });
    expect(err?.message).not.toContain("AAAA");
  });

  it("says what is wrong with a malformed part, never echoing its value", () => {
    const raw = refusal(withPart({ type: "file", file: { file_data: "JVBERi0xLjQK-secret" } }));
    expect(raw).toMatchObject({ code: "invalid_request", status: 400 });
    expect(raw?.message).toContain(
      "messages.0.content.0.file.file_data: file_data must be a base64 data URL",
    );
    expect(raw?.message).not.toContain("secret");
    const audio = refusal(withPart({ type: "input_audio", input_audio: { data: "", format: "wav" } }));
    expect(audio?.message).toContain(
      'messages.0.content.0.type: A content part\'s type must be "text", "image_url" or "file".',
    );
  });
});
