import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalProvider, startLocalProvider } from "./index.ts";
import { closeOcr, readImageText } from "./ocrReader.ts";
import { dataUrl, linesPdf, printedTextPng } from "./testing/printedText.ts";

const LIST = [
  "Groceries for Saturday",
  "Renew the car insurance by Friday",
  "Book a dentist appointment",
  "Call the plumber about the leak",
];

let provider: LocalProvider;

beforeAll(async () => {
  provider = await startLocalProvider({
    profiles: {
      models: {
        "local/sim-haiku": { kind: "chat", name: "Sim Haiku", pricing: { prompt: 0.25, completion: 1.25 } },
        "local/text-only": { kind: "chat", name: "Text only", inputModalities: ["text"] },
      },
      endpoints: { default: { provider: "Local", faults: { firstTokenMs: 0, tokensPerSecond: 0 } } },
      maxBodyBytes: 4 * 1024 * 1024,
    },
  });
});
afterAll(async () => {
  await provider.close();
  await closeOcr();
});

type Part = { type: string; [k: string]: unknown };
async function ask(content: Part[], model = "local/sim-haiku") {
  const res = await fetch(`${provider.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, messages: [{ role: "user", content }] }),
  });
  return { status: res.status, body: await res.json() };
}
const answerOf = (body: { choices: { message: { content: string } }[] }) => body.choices[0]!.message.content;

describe("pictures and files the simulated model reads", () => {
  it("reads a PNG of printed text with OCR, offline", async () => {
    const png = printedTextPng(LIST);
    const started = performance.now();
    const text = await readImageText(png);
    const firstMs = performance.now() - started;
    expect(text.split("\n").filter(Boolean)).toEqual(LIST);
    const again = performance.now();
    await readImageText(png);
    console.info(
      `OCR of a 1280x720 PNG, ${png.length} bytes: first ${firstMs.toFixed(0)} ms (worker start included), then ${(performance.now() - again).toFixed(0)} ms`,
    );
  }, 60_000);

  it("answers from the picture it read and says it is simulated", async () => {
    const { status, body } = await ask([
      { type: "text", text: "What do I need to do about the leak?" },
      { type: "image_url", image_url: { url: dataUrl("image/png", printedTextPng(LIST)) } },
    ]);
    expect(status).toBe(200);
    const answer = answerOf(body);
    expect(answer).toContain("[simulated local model · local/sim-haiku]");
    expect(answer).toMatch(/most relevant[^\n]*\n- Call the plumber about the leak/);
    expect(answer).toContain("I read picture 1 by OCR (4 lines)");
    expect(body.usage.prompt_tokens).toBeGreaterThan(20);
  }, 60_000);

  it("reads a CSV file part as text and answers from its rows", async () => {
    const csv = "title,due,priority\nRenew the car insurance,2026-12-11,high\nWater the plants,,low\n";
    const { body } = await ask([
      { type: "text", text: "When is the car insurance due?" },
      { type: "file", file: { filename: "todos.csv", file_data: dataUrl("text/csv", csv) } },
    ]);
    const answer = answerOf(body);
    expect(answer).toContain("- Renew the car insurance,2026-12-11,high");
    expect(answer).toContain("I read file 1 (todos.csv) (3 lines)");
  });

  it("reads a PDF file part (OpenRouter's shape) page by page", async () => {
    const pdf = await linesPdf([
      ["Quarterly VAT return due 31 January", "Pay the electricity bill"],
      ["Renew the passport before the Lisbon trip"],
    ]);
    const { body } = await ask([
      { type: "text", text: "What do I need before travelling abroad?" },
      { type: "file", file: { filename: "notes.pdf", file_data: dataUrl("application/pdf", pdf) } },
    ]);
    const answer = answerOf(body);
    expect(answer).toMatch(/most relevant[^\n]*\n- Renew the passport before the Lisbon trip/);
    expect(answer).toContain("I read file 1 (notes.pdf) as PDF text (3 lines)");
  });

  it("says what it could not read instead of guessing", async () => {
    const { body } = await ask([
      { type: "text", text: "What is in this picture?" },
      { type: "image_url", image_url: { url: "https://example.com/list.png" } },
      { type: "file", file: { filename: "blob.bin", file_data: dataUrl("application/octet-stream", "xyz") } },
    ]);
    const answer = answerOf(body);
    expect(answer).toContain("I could not read picture 1: only data: URLs are read offline.");
    expect(answer).toContain(
      "I could not read file 1 (blob.bin): cannot read application/octet-stream files.",
    );
  });

  it("says a damaged picture is unreadable and keeps reading the next one", async () => {
    const png = printedTextPng(LIST);
    const damaged = Buffer.concat([png.subarray(0, 8), Buffer.from("not the rest of a PNG")]);
    const { status, body } = await ask([
      { type: "text", text: "What is in this picture?" },
      { type: "image_url", image_url: { url: dataUrl("image/png", damaged) } },
    ]);
    expect(status).toBe(200);
    expect(answerOf(body)).toContain("I could not read picture 1: OCR failed");
    expect((await readImageText(png)).split("\n").filter(Boolean)).toEqual(LIST);
  }, 60_000);

  it("refuses pictures for a model whose profile takes text only, as OpenRouter does", async () => {
    const { status, body } = await ask(
      [{ type: "image_url", image_url: { url: dataUrl("image/png", printedTextPng(["x"], 64, 64)) } }],
      "local/text-only",
    );
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "unsupported_capability", metadata: { capability: "image" } });
  });
});
