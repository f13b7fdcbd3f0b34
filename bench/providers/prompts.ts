// The workload: a small default prompt set (short questions over pasted context, like the todo app's
// "ask your todos"), or a JSON file of prompts given with --prompts.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const promptSchema = z.union([
  z
    .string()
    .min(1)
    .transform((user) => ({ system: undefined, user })),
  z.object({ system: z.string().min(1).optional(), user: z.string().min(1) }),
]);
export type Prompt = z.infer<typeof promptSchema>;

const todoContext = [
  "Todo: renew the passport before the March trip; the appointment is on Tuesday at 9:30.",
  "Todo: book the dentist check-up; Dr. Okafor has openings on Thursday afternoons.",
  "Todo: pay the electricity bill of 84 euros before the 15th.",
  "Todo: draft the quarterly report for the platform team; numbers are in the shared sheet.",
  "Todo: buy a birthday present for Ana; she likes climbing and science fiction.",
  "Todo: fix the flaky checkout test in CI; it fails when the payment mock is slow.",
].join("\n");

export const defaultPrompts: Prompt[] = [
  { system: `Answer from the user's todos.\n${todoContext}`, user: "When is the passport appointment?" },
  { system: `Answer from the user's todos.\n${todoContext}`, user: "What should I buy for Ana's birthday?" },
  {
    system: `Answer from the user's todos.\n${todoContext}`,
    user: "Which bills are due and how much are they?",
  },
  {
    system: `Answer from the user's todos.\n${todoContext}`,
    user: "What is wrong with the checkout test in CI?",
  },
  {
    system: undefined,
    user: "Give me three tips to write a clear quarterly report for an engineering team.",
  },
  {
    system: undefined,
    user: "Summarise the trade-off between latency and data retention when choosing an LLM provider.",
  },
];

export function loadPrompts(path: string | undefined): Prompt[] {
  if (!path) return defaultPrompts;
  const parsed = z
    .array(promptSchema)
    .min(1)
    .safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`--prompts ${path}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

export function messagesOf(p: Prompt) {
  return [
    ...(p.system ? [{ role: "system" as const, content: p.system }] : []),
    { role: "user" as const, content: p.user },
  ];
}
