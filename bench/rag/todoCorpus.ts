// Realistic todo sentences and search queries for the retrieval benchmark. Templates cross everyday
// verbs with objects and contexts, so the corpus covers errands, work, home, health and admin.
import { seededRandom } from "./seededRandom.ts";

const groups: Record<string, { verbs: string[]; objects: string[]; contexts: string[] }> = {
  errands: {
    verbs: ["buy", "pick up", "order", "return"],
    objects: [
      "milk and eggs",
      "bread",
      "coffee beans",
      "dog food",
      "a birthday present for Sam",
      "printer ink",
      "new running shoes",
      "flowers",
    ],
    contexts: ["on the way home", "before Saturday", "at the corner shop", "online", ""],
  },
  work: {
    verbs: ["review", "fix", "write", "ship", "plan"],
    objects: [
      "the login bug",
      "the launch checklist",
      "the Q3 budget report",
      "the API migration",
      "the onboarding docs",
      "the release notes",
      "the pricing page",
      "the database backup job",
    ],
    contexts: ["before the launch", "with the team", "by Friday", "for the board meeting", ""],
  },
  home: {
    verbs: ["clean", "fix", "paint", "tidy", "organise"],
    objects: [
      "the garage",
      "the leaking kitchen tap",
      "the spare bedroom",
      "the garden shed",
      "the bathroom tiles",
      "the bookshelf",
      "the fridge",
    ],
    contexts: ["this weekend", "before the guests arrive", "after work", ""],
  },
  health: {
    verbs: ["book", "call", "schedule", "cancel"],
    objects: [
      "the dentist appointment",
      "a physio session",
      "the annual check-up",
      "the eye test",
      "a flu jab",
      "yoga class",
    ],
    contexts: ["next week", "in the morning", "for the kids", ""],
  },
  admin: {
    verbs: ["pay", "renew", "file", "sort out", "cancel"],
    objects: [
      "the tax return",
      "the car insurance",
      "the passport",
      "the electricity bill",
      "the gym membership",
      "the council tax",
      "the phone contract",
    ],
    contexts: ["before the deadline", "this month", "online", ""],
  },
  social: {
    verbs: ["call", "email", "invite", "visit", "thank"],
    objects: [
      "mum",
      "grandpa",
      "the neighbours",
      "Priya about the trip",
      "the book club",
      "old friends from school",
    ],
    contexts: ["on Sunday", "for dinner", "about the holiday", ""],
  },
};

export interface CorpusSentence {
  text: string;
  group: string;
}

/** About `count` distinct todo sentences, deterministic for a seed. */
export function todoSentences(count: number, seed = 7): CorpusSentence[] {
  const all: CorpusSentence[] = [];
  for (const [group, g] of Object.entries(groups))
    for (const verb of g.verbs)
      for (const object of g.objects)
        for (const context of g.contexts) all.push({ text: `${verb} ${object} ${context}`.trim(), group });
  const random = seededRandom(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}

/** Queries a user types: some share no words with any todo ("groceries"), some do ("tax return"). */
export const benchQueries = [
  "groceries",
  "shopping for the weekend",
  "what do I need from the supermarket",
  "software bugs to fix",
  "things blocking the product launch",
  "meetings with my team",
  "house chores",
  "repairs around the flat",
  "doctor appointments",
  "stay healthy",
  "paperwork and bills",
  "government documents",
  "tax return",
  "family phone calls",
  "friends to catch up with",
  "gifts",
  "pets",
  "car",
  "exercise",
  "money I owe",
  "documentation",
  "garden",
  "plan the holiday",
  "things due by Friday",
];
