// A change the assistant proposes and the user approves or rejects: what is sent to the browser as a
// confirmation card and back to /api/assistant/approve. The server validates it again there and runs
// it on the user's own todos only, so a card edited in the browser can do no more than the todo API.
import { z } from "zod";
import { todoInput } from "../todoSchemas.ts";

const target = z.object({ id: z.uuid(), title: z.string().max(200) });
const base = { id: z.uuid(), summary: z.string().max(400) };

export const proposal = z.discriminatedUnion("action", [
  z.object({
    ...base,
    action: z.literal("create"),
    todo: z.object({
      title: todoInput.shape.title,
      dueDate: z.iso.date().nullable(),
      priority: z.number().int().min(0).max(3),
      tags: todoInput.shape.tags.unwrap(),
    }),
  }),
  z.object({ ...base, action: z.literal("complete"), target }),
  z.object({ ...base, action: z.literal("reschedule"), target, dueDate: z.iso.date() }),
  z.object({
    ...base,
    action: z.literal("update"),
    target,
    patch: z
      .object({
        title: todoInput.shape.title,
        priority: z.number().int().min(0).max(3),
        tags: todoInput.shape.tags.unwrap(),
      })
      .partial(),
  }),
]);
export type Proposal = z.infer<typeof proposal>;
/** A proposal before its card line is written (each action keeps its own fields). */
export type ProposalDraft = Proposal extends infer P
  ? P extends Proposal
    ? Omit<P, "summary">
    : never
  : never;

export const assistantInput = z.object({
  message: z.string().trim().min(1, "Say what to do.").max(2000, "Messages are limited to 2000 characters."),
});

export interface SourceTodo {
  id: string;
  title: string;
  dueDate: string | null;
  status: "open" | "done";
}

export interface AssistantReply {
  text: string;
  proposals: Proposal[];
  /** The todos the answer rests on: only search hits and targets above the relevance threshold. */
  sources: SourceTodo[];
  /** Model calls made, at most the step cap. */
  steps: number;
  model: string | null;
}

const PRIORITY_WORDS = ["no", "low", "medium", "high"];

/** The card's one line: what approving it will do. */
export function summaryOf(p: ProposalDraft): string {
  switch (p.action) {
    case "create": {
      const due = p.todo.dueDate ? `, due ${p.todo.dueDate}` : "";
      const prio = p.todo.priority > 0 ? `, ${PRIORITY_WORDS[p.todo.priority]} priority` : "";
      const tags = p.todo.tags.length > 0 ? `, tagged ${p.todo.tags.join(", ")}` : "";
      return `Add “${p.todo.title}”${due}${prio}${tags}`;
    }
    case "complete":
      return `Mark “${p.target.title}” as done`;
    case "reschedule":
      return `Move “${p.target.title}” to ${p.dueDate}`;
    case "update": {
      const changes = [
        p.patch.title !== undefined ? `rename it “${p.patch.title}”` : "",
        p.patch.priority !== undefined ? `${PRIORITY_WORDS[p.patch.priority]} priority` : "",
        p.patch.tags !== undefined ? `tags ${p.patch.tags.join(", ") || "none"}` : "",
      ].filter(Boolean);
      return `Change “${p.target.title}”: ${changes.join(", ") || "nothing"}`;
    }
  }
}
