import { ChatOpenAI } from "@langchain/openai";
import { Ajv } from "ajv";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type LocalProvider, startLocalProvider } from "./index.ts";
import { dataUrl } from "./testing/printedText.ts";

// Formats are checked by the test itself where it matters; ajv only knows them with a plugin.
const ajv = new Ajv({ strict: false, validateFormats: false });

const IMPORT_SCHEMA = {
  type: "object",
  properties: {
    todos: {
      type: "array",
      items: {
        type: "object",
        properties: {
          title: { type: "string", minLength: 1 },
          dueDate: { anyOf: [{ type: "string", format: "date" }, { type: "null" }] },
          priority: { type: "integer", minimum: 0, maximum: 3 },
          tags: { type: "array", items: { type: "string" } },
        },
        required: ["title", "dueDate", "priority", "tags"],
        additionalProperties: false,
      },
    },
  },
  required: ["todos"],
  additionalProperties: false,
};

const AWKWARD_SCHEMA = {
  $defs: {
    person: {
      type: "object",
      properties: { name: { type: "string", minLength: 3 }, email: { type: "string", format: "email" } },
      required: ["name", "email"],
    },
  },
  type: "object",
  properties: {
    kind: { const: "meeting" },
    status: { type: "string", enum: ["planned", "cancelled", "held"] },
    owner: { $ref: "#/$defs/person" },
    attendees: { type: "array", items: { $ref: "#/$defs/person" }, minItems: 2, maxItems: 4 },
    minutes: { type: "number", exclusiveMinimum: 0, maximum: 600 },
    online: { type: "boolean" },
    when: { oneOf: [{ type: "string", format: "date-time" }, { type: "null" }] },
    extra: { allOf: [{ type: "object", properties: { room: { type: "string" } }, required: ["room"] }] },
  },
  required: ["kind", "status", "owner", "attendees", "minutes", "online", "when", "extra"],
  additionalProperties: false,
};

let provider: LocalProvider;
let client: OpenAI;

beforeAll(async () => {
  provider = await startLocalProvider({
    profiles: {
      models: { "local/sim-gpt-4o-mini": { kind: "chat", name: "Sim GPT-4o mini" } },
      endpoints: { default: { provider: "Local", faults: { firstTokenMs: 0, tokensPerSecond: 0 } } },
    },
  });
  client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: "local", maxRetries: 0 });
});
afterAll(() => provider.close());

const format = (name: string, schema: object) => ({
  type: "json_schema" as const,
  json_schema: { name, schema: schema as Record<string, unknown>, strict: true },
});

describe("json_schema answers", () => {
  it("validate against the schema, one array item per row of an attached CSV, taken from its columns", async () => {
    const csv =
      "title,due,priority,tags\nRenew the car insurance,2026-12-11,high,#admin\nWater the plants,,low,\n";
    const res = await client.chat.completions.create({
      model: "local/sim-gpt-4o-mini",
      response_format: format("todo_import", IMPORT_SCHEMA),
      messages: [
        { role: "system", content: "Extract the todos from the user's file." },
        {
          role: "user",
          content: [
            { type: "text", text: "Import these" },
            { type: "file", file: { filename: "todos.csv", file_data: dataUrl("text/csv", csv) } },
          ],
        },
      ],
    });
    const value = JSON.parse(res.choices[0]!.message.content!);
    expect(ajv.validate(IMPORT_SCHEMA, value), ajv.errorsText()).toBe(true);
    expect(value.todos).toEqual([
      { title: "Renew the car insurance", dueDate: "2026-12-11", priority: 3, tags: ["admin"] },
      { title: "Water the plants", dueDate: null, priority: 1, tags: [] },
    ]);
    expect((res as unknown as { x_switchyard: { simulated: boolean } }).x_switchyard.simulated).toBe(true);
  });

  it("take one item per event or task of an attached .ics calendar, tags from its categories", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VTODO",
      "SUMMARY:Renew the passport before the Lisbon trip",
      "DUE;VALUE=DATE:20261214",
      "PRIORITY:1",
      "CATEGORIES:admin,travel",
      "END:VTODO",
      "BEGIN:VEVENT",
      "SUMMARY:Dentist\\, cracked molar",
      "DTSTART:20261209T093000Z",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const res = await client.chat.completions.create({
      model: "local/sim-gpt-4o-mini",
      response_format: format("todo_import", IMPORT_SCHEMA),
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Import these" },
            { type: "file", file: { filename: "todos.ics", file_data: dataUrl("text/calendar", ics) } },
          ],
        },
      ],
    });
    const value = JSON.parse(res.choices[0]!.message.content!);
    expect(ajv.validate(IMPORT_SCHEMA, value), ajv.errorsText()).toBe(true);
    expect(value.todos).toEqual([
      {
        title: "Renew the passport before the Lisbon trip",
        dueDate: "2026-12-14",
        priority: 3,
        tags: ["admin", "travel"],
      },
      { title: "Dentist, cracked molar", dueDate: "2026-12-09", priority: 0, tags: [] },
    ]);
  });

  it("validate for refs, enums, consts, bounds, lengths and item counts, and are the same when streamed", async () => {
    const request = {
      model: "local/sim-gpt-4o-mini",
      response_format: format("meeting", AWKWARD_SCHEMA),
      messages: [{ role: "user" as const, content: "Plan the review meeting tomorrow, 45 minutes" }],
    };
    const whole = await client.chat.completions.create(request);
    const value = JSON.parse(whole.choices[0]!.message.content!);
    expect(ajv.validate(AWKWARD_SCHEMA, value), ajv.errorsText()).toBe(true);
    expect(value).toMatchObject({ kind: "meeting", minutes: 45, attendees: [{}, {}] });
    expect(value.owner.email).toMatch(/^[^@\s]+@[^@\s]+\.\w+$/);
    let streamed = "";
    for await (const chunk of await client.chat.completions.create({ ...request, stream: true })) {
      streamed += chunk.choices[0]?.delta.content ?? "";
    }
    expect(JSON.parse(streamed)).toEqual(value);
  });

  it("work with LangChain's withStructuredOutput (a zod schema sent as json_schema)", async () => {
    const model = new ChatOpenAI({
      model: "local/sim-gpt-4o-mini",
      apiKey: "local",
      configuration: { baseURL: `${provider.url}/v1` },
      maxRetries: 0,
    });
    const reminder = z.object({
      task: z.string(),
      due: z.string().nullable(),
      priority: z.enum(["low", "medium", "high"]),
    });
    const structured = model.withStructuredOutput(reminder, { method: "jsonSchema" });
    const value = await structured.invoke("Remind me to call the bank next Monday, urgent");
    expect(reminder.parse(value)).toMatchObject({ task: "call the bank", priority: "high" });
    expect(value.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("json_object answers are a JSON object that says it is simulated", async () => {
    const res = await client.chat.completions.create({
      model: "local/sim-gpt-4o-mini",
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: "Facts: the office opens at 9." },
        { role: "user", content: "When does the office open? Answer in JSON." },
      ],
    });
    const value = JSON.parse(res.choices[0]!.message.content!);
    expect(value).toMatchObject({
      simulated: true,
      answer: expect.stringContaining("the office opens at 9"),
    });
  });
});
