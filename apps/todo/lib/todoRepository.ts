// Todo persistence. Every query is scoped to an owner inside the SQL.
import { type Database, type Todo, todos } from "@switchyard/db";
import { and, asc, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { TodoInput, TodoPatch, TodoView } from "./todoSchemas.ts";

export function toView(row: Todo): TodoView {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    status: row.status,
    priority: row.priority,
    dueDate: row.dueDate,
    tags: row.tags,
    embedded: row.embeddingModel !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const byOwner = (owner: string, id: string) => and(eq(todos.owner, owner), eq(todos.id, id));

export async function listTodos(db: Database, owner: string): Promise<TodoView[]> {
  const rows = await db
    .select()
    .from(todos)
    .where(eq(todos.owner, owner))
    .orderBy(asc(todos.status), desc(todos.priority), asc(todos.dueDate), desc(todos.createdAt))
    .limit(500);
  return rows.map(toView);
}

export async function getTodo(db: Database, owner: string, id: string): Promise<TodoView | null> {
  const [row] = await db.select().from(todos).where(byOwner(owner, id));
  return row ? toView(row) : null;
}

export async function insertTodo(db: Database, owner: string, input: TodoInput): Promise<TodoView> {
  const [row] = await db
    .insert(todos)
    .values({ owner, ...input })
    .returning();
  return toView(row!);
}

/** Changing the text clears the embedding, so the todo is embedded again. */
export async function updateTodo(
  db: Database,
  owner: string,
  id: string,
  patch: TodoPatch,
): Promise<TodoView | null> {
  if (Object.keys(patch).length === 0) return getTodo(db, owner, id);
  const textChanged = patch.title !== undefined || patch.notes !== undefined || patch.tags !== undefined;
  const [row] = await db
    .update(todos)
    .set({ ...patch, ...(textChanged ? { embedding: null, embeddingModel: null } : {}) })
    .where(byOwner(owner, id))
    .returning();
  return row ? toView(row) : null;
}

export async function deleteTodo(db: Database, owner: string, id: string): Promise<boolean> {
  const gone = await db.delete(todos).where(byOwner(owner, id)).returning({ id: todos.id });
  return gone.length > 0;
}

export interface EmbeddingTarget {
  id: string;
  title: string;
  notes: string;
  tags: string[];
}

/** Stores a vector only if the text it was made from is still the todo's text (no stale vectors). */
export async function storeEmbedding(
  db: Database,
  target: EmbeddingTarget,
  vector: number[],
  model: string,
): Promise<boolean> {
  const done = await db
    .update(todos)
    .set({ embedding: vector, embeddingModel: model, updatedAt: sql`${todos.updatedAt}` })
    .where(
      and(
        eq(todos.id, target.id),
        eq(todos.title, target.title),
        eq(todos.notes, target.notes),
        sql`${todos.tags} = ${sql.param(target.tags)}::text[]`,
      ),
    )
    .returning({ id: todos.id });
  return done.length > 0;
}

/** Todos with no embedding, or one from another model than the current one (oldest first). */
export async function todosNeedingEmbedding(
  db: Database,
  currentModel: string | null,
  limit: number,
): Promise<EmbeddingTarget[]> {
  const stale = currentModel
    ? or(isNull(todos.embeddingModel), ne(todos.embeddingModel, currentModel))
    : isNull(todos.embeddingModel);
  return db
    .select({ id: todos.id, title: todos.title, notes: todos.notes, tags: todos.tags })
    .from(todos)
    .where(stale)
    .orderBy(asc(todos.createdAt))
    .limit(limit);
}
