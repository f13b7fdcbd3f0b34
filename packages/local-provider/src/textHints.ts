// What the simulated model can pick out of a sentence without understanding it: a date ("next
// Friday", "tomorrow", "2026-12-11", "31 January"), a priority word, a number, #tags, and the subject
// left when those and polite framing ("remind me to", "please add") are taken away.

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = `(${MONTHS.join("|")}|${MONTHS.map((m) => m.slice(0, 3)).join("|")})`;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));

/** Date phrases this module understands, to find them and to cut them out of the subject. */
const BY = "(?:(?:on|by|due|before|until)\\s+)?";
const DATE_PHRASES = [
  new RegExp(`\\b${BY}\\d{4}-\\d{2}-\\d{2}\\b`, "i"),
  new RegExp(`\\b${BY}(?:today|tonight|tomorrow)\\b`, "i"),
  new RegExp(
    `\\b${BY}(?:next\\s+|this\\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b`,
    "i",
  ),
  /\bin\s+\d+\s+days?\b/i,
  new RegExp(`\\b${BY}\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b`, "i"),
  new RegExp(`\\b${BY}${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, "i"),
  /\bnext\s+week\b/i,
];

/** The first date the text names, as YYYY-MM-DD, relative to `today` (UTC). */
export function findDate(text: string, today: Date): string | undefined {
  const t = text.toLowerCase();
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(t);
  if (iso) return iso[1];
  if (/\b(today|tonight)\b/.test(t)) return isoDay(today);
  if (/\btomorrow\b/.test(t)) return isoDay(addDays(today, 1));
  const inDays = /\bin\s+(\d+)\s+days?\b/.exec(t);
  if (inDays) return isoDay(addDays(today, Number(inDays[1])));
  if (/\bnext\s+week\b/.test(t)) return isoDay(addDays(today, 7));
  const day = /\b(next\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(t);
  if (day) {
    const ahead = (WEEKDAYS.indexOf(day[2]!) - today.getUTCDay() + 7) % 7 || 7;
    return isoDay(addDays(today, ahead));
  }
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b`).exec(t);
  const monthDay = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`).exec(t);
  const [d, m] = dayMonth ? [dayMonth[1], dayMonth[2]] : monthDay ? [monthDay[2], monthDay[1]] : [];
  if (d && m) {
    let date = new Date(Date.UTC(today.getUTCFullYear(), monthIndex(m), Number(d)));
    if (date < addDays(today, 0))
      date = new Date(Date.UTC(today.getUTCFullYear() + 1, monthIndex(m), Number(d)));
    return isoDay(date);
  }
  return undefined;
}

export type PriorityWord = "high" | "medium" | "low";

/** "urgent", "high priority", "asap" → high; "medium"/"normal" → medium; "low"/"whenever" → low. */
export function findPriority(text: string): PriorityWord | undefined {
  const t = text.toLowerCase();
  if (/\b(high|urgent|asap|important|critical)\b/.test(t)) return "high";
  if (/\b(medium|normal|moderate)\b/.test(t)) return "medium";
  if (/\b(low|whenever|someday)\b/.test(t)) return "low";
  return undefined;
}

export function findNumber(text: string): number | undefined {
  const m = /(?<![\w-])-?\d+(?:\.\d+)?(?![\w-])/.exec(text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, " "));
  return m ? Number(m[0]) : undefined;
}

export function hashtags(text: string): string[] {
  return [...new Set([...text.matchAll(/#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1]!.toLowerCase()))];
}

const FRAMING =
  /^(?:please\s+|can you\s+|could you\s+|hey\s+|ok\s+)*(?:remind me to|remind me|remember to|i need to|i have to|i must|don't let me forget to|add(?: a)?(?: todo| task)?(?: to)?|create(?: a)?(?: todo| task)?(?: to)?|new (?:todo|task):?|todo:)\s+/i;
const PRIORITY_PHRASE =
  /,?\s*\b(?:high|medium|low|normal|urgent)(?:\s+priority)?\b|,?\s*\bpriority\s+\w+\b|\basap\b/gi;

/** The sentence with framing, date, priority and tag phrases removed. */
export function subjectOf(text: string): string {
  let s = text.trim().replace(FRAMING, "");
  for (const phrase of DATE_PHRASES) s = s.replace(new RegExp(phrase.source, "gi"), " ");
  s = s.replace(PRIORITY_PHRASE, " ").replace(/#[\p{L}\p{N}_-]+/gu, " ");
  s = s
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .replace(/^[\s,.;:-]+|[\s,.;:!?-]+$/g, "");
  return s || text.trim();
}

/** The cells of a CSV, TSV or "a | b" line; one cell when it has no separator. */
export function cellsOf(line: string): string[] {
  const separator = line.includes("\t")
    ? "\t"
    : line.includes(" | ")
      ? " | "
      : line.includes(",")
        ? ","
        : null;
  if (!separator) return [line.trim()];
  return line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}
