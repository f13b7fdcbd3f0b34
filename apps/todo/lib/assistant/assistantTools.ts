// The assistant's tools, as zod schemas LangChain's bindTools sends as OpenAI function tools. Four
// change a todo and are only ever proposed (a card the user approves or rejects); search_todos only
// reads, so the loop runs it at once and hands its result back as a tool message. A todo to change is
// named by words from its title (or its id): the server finds it among the user's own todos.
import { z } from "zod";

const isoDate = z.string().describe("YYYY-MM-DD");
const todoRef = z
  .string()
  .min(1)
  .max(200)
  .describe("which todo: words from its title as the user said them, or its id");
const priority = z.enum(["none", "low", "medium", "high"]);

export const toolArgs = {
  create_todo: z.object({
    title: z.string().min(1).max(200).describe("what to do, in a few words, without the date or priority"),
    due_date: isoDate.nullable().describe("the due date as YYYY-MM-DD, or null when none was said"),
    priority: priority.describe("high when the user says urgent, important or high priority"),
    tags: z.array(z.string().max(32)).max(12).describe("#tags the user gave, lower case"),
  }),
  complete_todo: z.object({ todo: todoRef }),
  reschedule_todo: z.object({
    todo: todoRef,
    due_date: isoDate.describe("the new due date as YYYY-MM-DD"),
  }),
  update_todo: z.object({
    todo: todoRef,
    title: z.string().max(200).nullable().describe("the new title, or null to keep it"),
    priority: priority.nullable().describe("the new priority, or null to keep it"),
    tags: z.array(z.string().max(32)).max(12).nullable().describe("the new tags, or null to keep them"),
  }),
  search_todos: z.object({
    query: z.string().min(1).max(500).describe("words or a meaning to look for in the user's todos"),
  }),
} as const;

export type ToolName = keyof typeof toolArgs;
export type ActionName = Exclude<ToolName, "search_todos">;

export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  create_todo:
    "Add a new todo or reminder: remind me to do something, add a task, with a due date and priority.",
  complete_todo: "Mark a todo as done: the user has done, finished or completed something on the list.",
  reschedule_todo: "Move a todo to another day: postpone, move or change when a todo is due.",
  update_todo: "Rename a todo or change its priority or tags.",
  search_todos: "Find todos on the list about something, to answer a question about the list.",
};

/** What bindTools takes: one OpenAI function tool per name, its parameters from the zod schema. */
export const assistantTools = (Object.keys(toolArgs) as ToolName[]).map((name) => ({
  type: "function" as const,
  function: {
    name,
    description: TOOL_DESCRIPTIONS[name],
    parameters: (({ $schema: _draft, ...schema }) => schema)(z.toJSONSchema(toolArgs[name])),
  },
}));

export const PRIORITY_VALUE = { none: 0, low: 1, medium: 2, high: 3 } as const;

export const isToolName = (name: string): name is ToolName => Object.hasOwn(toolArgs, name);
