// What the todo API accepts and returns. Shared by the route handlers (validation) and the browser (types).
import { z } from "zod";

const MAX_TITLE = 200;
const MAX_NOTES = 4000;

const tag = z.string().trim().toLowerCase().min(1).max(32);

export const todoInput = z.object({
  title: z.string().trim().min(1, "A todo needs a title.").max(MAX_TITLE),
  notes: z.string().trim().max(MAX_NOTES).default(""),
  priority: z.number().int().min(0).max(3).default(0),
  dueDate: z.iso.date().nullable().default(null),
  tags: z.array(tag).max(12).default([]),
});
export type TodoInput = z.infer<typeof todoInput>;

export const todoPatch = z
  .object({
    title: todoInput.shape.title,
    notes: z.string().trim().max(MAX_NOTES),
    priority: todoInput.shape.priority.unwrap(),
    dueDate: z.iso.date().nullable(),
    tags: z.array(tag).max(12),
    status: z.enum(["open", "done"]),
  })
  .partial();
export type TodoPatch = z.infer<typeof todoPatch>;

// Postgres cannot take U+0000 in a query parameter: refused as a 400, not a failed query (a 500).
export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((q) => !q.includes("\u0000"), "A search cannot contain U+0000."),
});

export const ASK_TIERS = ["auto", "fast", "strong"] as const;
export type AskTier = (typeof ASK_TIERS)[number];
export const askInput = z.object({
  question: z
    .string()
    .trim()
    .min(1, "Ask a question.")
    .max(2000, "Questions are limited to 2000 characters."),
  tier: z.enum(ASK_TIERS).default("auto"),
});

/** A todo as the API returns it. */
export interface TodoView {
  id: string;
  title: string;
  notes: string;
  status: "open" | "done";
  priority: number;
  dueDate: string | null;
  tags: string[];
  /** False while the todo waits for the background embedding backfill. */
  embedded: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SearchHit {
  todo: TodoView;
  /** Reciprocal-rank-fusion score; higher is better. */
  score: number;
  semanticRank: number | null;
  lexicalRank: number | null;
}
