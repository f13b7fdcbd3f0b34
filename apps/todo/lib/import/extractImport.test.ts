import { type Router, RouterError, type StructuredResult } from "@switchyard/router";
import { describe, expect, it } from "vitest";
import { extractImport } from "./extractImport.ts";
import { MAX_IMAGE_BYTES, MAX_TEXT_FILE_BYTES } from "./importSchemas.ts";

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");
/** The smallest whole PNG in shape (signature, IHDR, IEND); `size` pads it with zeros past the end. */
const png = (size = 0) => {
  const chunk = (type: string, length: number) => [
    0,
    0,
    0,
    length,
    ...Buffer.from(type),
    ...Array(length + 4).fill(0),
  ];
  const bytes = [...PNG_HEADER, ...chunk("IHDR", 13), ...chunk("IEND", 0)];
  return Uint8Array.from([...bytes, ...Array(Math.max(0, size - bytes.length)).fill(0)]);
};

/** A router whose structured answer is `data` from the local provider; it keeps each request. */
function answering(data: unknown) {
  const requests: unknown[] = [];
  const router: Pick<Router, "structured"> = {
    structured: async (req) => {
      requests.push(req);
      const routing = { provider: "local provider", modelUsed: "openai/gpt-4o" };
      return { data, routing } as unknown as StructuredResult<never>;
    },
  };
  return { router, requests };
}

const routing = { userId: "ann" };
const deps = { router: answering({ items: [] }).router };

describe("extracting an import preview", () => {
  it("reads a CSV without a model call", async () => {
    const preview = await extractImport(
      deps,
      { name: "list.csv", type: "text/csv", dataBase64: b64("title,priority\nBuy milk,high\n") },
      routing,
    );
    expect(preview).toMatchObject({
      source: "csv",
      rows: [{ title: "Buy milk", dueDate: null, priority: 3, tags: [] }],
      warnings: [],
    });
  });

  it("asks for the picture's items in a schema, with the picture as an image part, and reads the answer", async () => {
    const answer = {
      items: [
        { title: "- Renew car insurance", due_date: "2026-12-11", priority: "high", tags: ["car"] },
        { title: "Buy stamps", due_date: null, priority: "none", tags: [] },
      ],
    };
    const { router, requests } = answering(answer);
    const preview = await extractImport(
      { router, today: () => "2026-12-03" },
      { name: "shot.png", type: "image/png", dataBase64: b64(png()) },
      routing,
    );
    expect(preview).toMatchObject({
      source: "image",
      simulated: true,
      model: "openai/gpt-4o",
      rows: [
        { title: "Renew car insurance", dueDate: "2026-12-11", priority: 3, tags: ["car"] },
        { title: "Buy stamps", dueDate: null, priority: 0, tags: [] },
      ],
    });
    expect(preview.warnings[0]).toMatch(/simulated model/);
    const sent = requests[0] as { name: string; strict: boolean; messages: { content: unknown }[] };
    expect(sent).toMatchObject({ name: "todo_items", strict: true });
    expect(JSON.stringify(sent.messages[1]!.content)).toContain("data:image/png;base64,");
  });

  it.each([
    [
      "a file too big",
      { name: "big.png", type: "image/png", dataBase64: b64(png(MAX_IMAGE_BYTES + 1)) },
      413,
      "import_too_large",
    ],
    [
      "a CSV too big",
      { name: "big.csv", type: "text/csv", dataBase64: b64("a\n".repeat(MAX_TEXT_FILE_BYTES)) },
      413,
      "import_too_large",
    ],
    [
      "a PDF",
      { name: "list.pdf", type: "application/pdf", dataBase64: b64("%PDF-1.7") },
      415,
      "import_unsupported_type",
    ],
    [
      "a picture that is not one",
      { name: "fake.png", type: "image/png", dataBase64: b64("hello") },
      422,
      "import_unreadable",
    ],
    [
      "a picture cut off",
      { name: "cut.png", type: "image/png", dataBase64: b64(png().subarray(0, 30)) },
      422,
      "import_unreadable",
    ],
    [
      "a CSV that is not UTF-8",
      { name: "x.csv", type: "text/csv", dataBase64: b64(new Uint8Array([0xff, 0xfe, 0x41])) },
      422,
      "import_unreadable",
    ],
    [
      "a broken .ics",
      { name: "cal.ics", type: "text/calendar", dataBase64: b64("hello") },
      422,
      "import_unreadable",
    ],
    [
      "a CSV with no todo",
      { name: "x.csv", type: "text/csv", dataBase64: b64("title\n\n") },
      422,
      "import_empty",
    ],
    [
      "bytes that are not base64",
      { name: "x.csv", type: "text/csv", dataBase64: "%%%" },
      422,
      "import_unreadable",
    ],
  ])("refuses %s with a stable code", async (_what, file, status, code) => {
    await expect(extractImport(deps, file, routing)).rejects.toMatchObject({ status, code });
  });

  it("refuses a picture when the model's answers did not match the schema twice", async () => {
    const router: Pick<Router, "structured"> = {
      structured: async () => {
        throw new RouterError("invalid_output", "The answer did not match the schema.");
      },
    };
    await expect(
      extractImport({ router }, { name: "p.png", type: "", dataBase64: b64(png()) }, routing),
    ).rejects.toMatchObject({ status: 422, code: "import_unreadable" });
  });
});
