// One tool call of the model into either a proposal card (the four tools that change a todo) or the
// text a tool message hands back (search results, or why no card could be made: bad arguments, no
// such todo), so the loop can go on and the model can try again.
import { randomUUID } from "node:crypto";
import { dueDateOf, tagsOf, titleOf } from "../import/rowFields.ts";
import type { UserRouting } from "../todoEmbedder.ts";
import type { TodoView } from "../todoSchemas.ts";
import { type ActionName, isToolName, PRIORITY_VALUE, toolArgs } from "./assistantTools.ts";
import { type FinderDeps, resolveTodo, searchTodos } from "./findTodos.ts";
import { type Proposal, type ProposalDraft, summaryOf } from "./proposals.ts";

export interface CallOutcome {
  /** What goes back to the model as the tool message. */
  toolResult: string;
  proposal?: Proposal;
  /** Todos this call found relevant: cited as the answer's sources. */
  found: TodoView[];
}

/** One line a todo: the simulated model quotes lines, a real one reads them as well as JSON. */
const line = (t: TodoView) =>
  `- ${t.title} (${t.status}${t.dueDate ? `, due ${t.dueDate}` : ""}; id ${t.id})`;
const withSummary = (p: ProposalDraft): Proposal => ({ ...p, summary: summaryOf(p) }) as Proposal;

async function proposalFor(
  deps: FinderDeps,
  owner: string,
  routing: UserRouting,
  name: ActionName,
  args: unknown,
): Promise<CallOutcome> {
  const id = randomUUID();
  if (name === "create_todo") {
    const a = toolArgs.create_todo.parse(args);
    const title = titleOf(a.title);
    if (!title) return { toolResult: "A todo needs a title.", found: [] };
    const todo = {
      title,
      dueDate: dueDateOf(a.due_date),
      priority: PRIORITY_VALUE[a.priority],
      tags: tagsOf(a.tags),
    };
    return {
      toolResult: "Proposed to the user.",
      proposal: withSummary({ id, action: "create", todo }),
      found: [],
    };
  }
  const a = toolArgs[name].parse(args);
  const todo = await resolveTodo(deps, owner, a.todo, routing);
  if (!todo) return { toolResult: `No todo on the list matches "${a.todo}".`, found: [] };
  const target = { id: todo.id, title: todo.title };
  let proposal: Proposal;
  if (name === "complete_todo") proposal = withSummary({ id, action: "complete", target });
  else if (name === "reschedule_todo") {
    const dueDate = dueDateOf(toolArgs.reschedule_todo.parse(args).due_date);
    if (!dueDate) return { toolResult: "The new due date must be YYYY-MM-DD.", found: [todo] };
    proposal = withSummary({ id, action: "reschedule", target, dueDate });
  } else {
    const u = toolArgs.update_todo.parse(args);
    const patch = {
      ...(u.title && titleOf(u.title) ? { title: titleOf(u.title) } : {}),
      ...(u.priority ? { priority: PRIORITY_VALUE[u.priority] } : {}),
      ...(u.tags ? { tags: tagsOf(u.tags) } : {}),
    };
    proposal = withSummary({ id, action: "update", target, patch });
  }
  return { toolResult: "Proposed to the user.", proposal, found: [todo] };
}

export async function outcomeOfCall(
  deps: FinderDeps,
  owner: string,
  routing: UserRouting,
  call: { name: string; args: unknown },
): Promise<CallOutcome> {
  if (!isToolName(call.name)) return { toolResult: `There is no tool named ${call.name}.`, found: [] };
  try {
    if (call.name === "search_todos") {
      const { query } = toolArgs.search_todos.parse(call.args);
      const found = await searchTodos(deps, owner, query, routing);
      const toolResult = found.length > 0 ? found.map(line).join("\n") : `No todo matches "${query}".`;
      return { toolResult, found };
    }
    return await proposalFor(deps, owner, routing, call.name, call.args);
  } catch (error) {
    if (error instanceof Error && error.name === "ZodError")
      return {
        toolResult: `The arguments of ${call.name} are not valid; call it again with valid ones.`,
        found: [],
      };
    throw error;
  }
}
