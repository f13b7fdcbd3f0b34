// Builds a value that validates against a JSON schema (the subset tools and json_schema
// response_formats use: $ref/$defs, anyOf/oneOf/allOf, type lists, enum, const, objects, arrays,
// strings with formats and lengths, numbers with bounds), filled from text instead of invented:
// dates, priorities, numbers and #tags found in it, the subject for names and titles, and one array
// item per line (or CSV row) of the data it was given. Deterministic: same schema and text, same value.
import { findDate, findNumber, findPriority, hashtags, subjectOf } from "./textHints.ts";

export type JsonSchema = Record<string, unknown>;

/** One thing an array of objects can hold an item for: a line, or a CSV row with its header's names. */
export interface DataItem {
  text: string;
  fields?: Record<string, string>;
}

export interface FillSource {
  /** The sentence the value is about. */
  text: string;
  /** The lines or rows an array of objects takes its items from. */
  items: DataItem[];
  today: Date;
}

const MAX_ITEMS = 50;
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

const DATE_NAME = /date|due|deadline|when|day|until|by$/i;
const PRIORITY_NAME = /priority|urgency|importance/i;
const TAGS_NAME = /tags?|labels?|categor/i;
const BOOL_DONE = /done|complete|finished|closed/i;

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; typeof s.$ref === "string" && hops < 20; hops++) {
    const path = (s.$ref as string).replace(/^#\/?/, "").split("/").filter(Boolean);
    let target: unknown = root;
    for (const key of path)
      target = (target as Record<string, unknown> | undefined)?.[decodeURIComponent(key)];
    if (!target || typeof target !== "object") return {};
    const { $ref: _ref, ...rest } = s;
    s = { ...(target as JsonSchema), ...rest };
  }
  return s;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === "string") return [schema.type];
  if (schema.properties) return ["object"];
  if (schema.items) return ["array"];
  return [];
}

const allowsNull = (schema: JsonSchema) =>
  typesOf(schema).includes("null") ||
  ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined)?.some((o) => typesOf(o).includes("null")) ===
    true;

/** The field of a CSV row whose header names this property, if any. */
function fieldFor(name: string, fields: Record<string, string> | undefined): string | undefined {
  if (!fields) return undefined;
  const wanted = norm(name);
  const key = Object.keys(fields).find((k) => {
    const n = norm(k);
    return n === wanted || (n.length > 2 && (wanted.includes(n) || n.includes(wanted)));
  });
  return key === undefined ? undefined : fields[key];
}

function stringValue(schema: JsonSchema, name: string, text: string, today: Date): string | null {
  const format = schema.format as string | undefined;
  let value: string | undefined;
  if (format === "date" || format === "date-time" || (!format && DATE_NAME.test(name))) {
    const date = findDate(text, today);
    if (!date && allowsNull(schema)) return null;
    value = date ?? today.toISOString().slice(0, 10);
    if (format === "date-time") value = `${value}T09:00:00Z`;
  } else if (format === "email") {
    value = /[\w.+-]+@[\w-]+\.[\w.]+/.exec(text)?.[0] ?? "someone@example.com";
  } else if (format === "uri" || format === "url") {
    value = /https?:\/\/\S+/.exec(text)?.[0] ?? "https://example.com/";
  } else if (PRIORITY_NAME.test(name)) {
    value = findPriority(text) ?? "medium";
  } else {
    value = subjectOf(text);
  }
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (value.length < min) value = value.padEnd(min, ".");
  return [...value].slice(0, max).join("");
}

function numberValue(schema: JsonSchema, name: string, text: string, integer: boolean): number {
  const min = (schema.minimum ?? (schema.exclusiveMinimum as number | undefined)) as number | undefined;
  const max = (schema.maximum ?? (schema.exclusiveMaximum as number | undefined)) as number | undefined;
  let value: number | undefined;
  if (PRIORITY_NAME.test(name) && min !== undefined && max !== undefined) {
    const word = findPriority(text);
    value =
      word === "high"
        ? max
        : word === "low"
          ? min + (max - min > 2 ? 1 : 0)
          : word
            ? Math.round((min + max) / 2)
            : min;
  } else {
    value = findNumber(text) ?? min ?? 0;
  }
  if (integer) value = Math.round(value);
  const step = integer ? 1 : 1e-6;
  if (schema.exclusiveMinimum !== undefined && value <= Number(schema.exclusiveMinimum))
    value = Number(schema.exclusiveMinimum) + step;
  if (schema.exclusiveMaximum !== undefined && value >= Number(schema.exclusiveMaximum))
    value = Number(schema.exclusiveMaximum) - step;
  if (schema.minimum !== undefined) value = Math.max(value, Number(schema.minimum));
  if (schema.maximum !== undefined) value = Math.min(value, Number(schema.maximum));
  return value;
}

function enumValue(options: unknown[], text: string, name: string): unknown {
  const t = ` ${text.toLowerCase()} `;
  const named = options.find(
    (o) =>
      typeof o === "string" && new RegExp(`\\b${o.toLowerCase().replace(/[^a-z0-9]+/g, "\\W*")}\\b`).test(t),
  );
  if (named !== undefined) return named;
  if (PRIORITY_NAME.test(name)) {
    const word = findPriority(text) ?? "medium";
    const match = options.find((o) => typeof o === "string" && o.toLowerCase() === word);
    if (match !== undefined) return match;
  }
  return options[0];
}

function arrayValue(
  schema: JsonSchema,
  name: string,
  source: FillSource,
  root: JsonSchema,
  field: string | undefined,
): unknown[] {
  const items = resolveRef((schema.items as JsonSchema | undefined) ?? {}, root);
  const minItems = Number(schema.minItems ?? 0);
  const maxItems = Math.min(Number(schema.maxItems ?? MAX_ITEMS), MAX_ITEMS);
  let values: unknown[];
  if (typesOf(items).includes("object") && source.items.length > 0) {
    values = source.items.map((item) =>
      fill(items, name, { text: item.text, items: [], today: source.today }, root, item.fields),
    );
  } else if (TAGS_NAME.test(name) && typesOf(items).includes("string")) {
    // A tags column ("admin; health", "#admin") lists them; in a sentence only #tags count.
    values =
      field === undefined
        ? hashtags(source.text)
        : [...new Set(field.split(/[,;|\s]+/).map((t) => t.replace(/^#/, "").toLowerCase()))].filter(Boolean);
  } else if (typesOf(items).includes("string") && source.items.length > 0) {
    values = source.items.map((item) => subjectOf(item.text));
  } else {
    values = [];
  }
  while (values.length < minItems) values.push(fill(items, name, source, root));
  return values.slice(0, Math.max(maxItems, minItems));
}

/** A value for `schema`, named `name` in its parent (names steer strings: due → a date). */
export function fill(
  schemaIn: JsonSchema,
  name: string,
  source: FillSource,
  root: JsonSchema = schemaIn,
  fields?: Record<string, string>,
): unknown {
  const schema = resolveRef(schemaIn, root);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return enumValue(schema.enum, fieldFor(name, fields) ?? source.text, name);
  }
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) {
    const resolved = choices.map((c) => resolveRef(c, root));
    const nonNull = resolved.filter((c) => !typesOf(c).includes("null") || typesOf(c).length > 1);
    // A nullable date that the text does not name stays null instead of a made-up day.
    const nullable = nonNull.length < resolved.length;
    const pick = nonNull[0] ?? resolved[0]!;
    return fill(nullable ? { ...pick, type: [...typesOf(pick), "null"] } : pick, name, source, root, fields);
  }
  if (Array.isArray(schema.allOf)) {
    // The parts' properties are merged: tools and response formats use allOf to compose objects.
    const parts = (schema.allOf as JsonSchema[]).map((s) => resolveRef(s, root));
    const { allOf: _allOf, ...rest } = schema;
    const merged: JsonSchema = Object.assign({}, rest, ...parts);
    merged.properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}));
    return fill(merged, name, source, root, fields);
  }
  const text = fieldFor(name, fields) ?? source.text;
  const types = typesOf(schema).filter((t) => t !== "null");
  const type = types[0] ?? (typesOf(schema).includes("null") ? "null" : "string");
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, sub]) => [key, fill(sub, key, source, root, fields)]),
      );
    }
    case "array":
      return arrayValue(schema, name, source, root, fieldFor(name, fields));
    case "integer":
    case "number":
      return numberValue(schema, name, text, type === "integer");
    case "boolean":
      return BOOL_DONE.test(name) ? /\b(done|finished|completed?)\b/i.test(text) : false;
    case "null":
      return null;
    default:
      return stringValue(schema, name, text, source.today);
  }
}
