"use client";
// One todo: complete it, edit its title inline, delete it. The row's id makes it a link target for the
// sources of an answer.
import { useState } from "react";
import { ApiCallError, newActionKey, todoApi } from "@/lib/client/todoApi.ts";
import type { TodoPatch, TodoView } from "@/lib/todoSchemas.ts";

const PRIORITY = ["", "low", "medium", "high"];
const priorityColours = [
  "",
  "text-slate-500",
  "text-amber-600 dark:text-amber-400",
  "text-rose-600 dark:text-rose-400",
];

export function TodoItem({
  todo,
  onChanged,
  onDeleted,
}: {
  todo: TodoView;
  onChanged: (todo: TodoView) => void;
  onDeleted: (id: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = todo.status === "done";

  // Optimistic: the change shows at once and is rolled back if the server refuses it.
  async function save(patch: TodoPatch) {
    setError(null);
    onChanged({ ...todo, ...patch });
    try {
      onChanged(await todoApi.update(todo.id, patch, newActionKey()));
    } catch (e) {
      onChanged(todo);
      setError(e instanceof ApiCallError ? e.message : "Could not save.");
    }
  }

  return (
    <li
      id={`todo-${todo.id}`}
      data-testid="todo-item"
      className="group flex scroll-mt-24 items-start gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 target:ring-2 target:ring-brand-500 dark:border-slate-800 dark:bg-slate-900"
    >
      <input
        type="checkbox"
        checked={done}
        onChange={() => void save({ status: done ? "open" : "done" })}
        aria-label={`Mark "${todo.title}" as ${done ? "not done" : "done"}`}
        className="mt-1 h-4 w-4 accent-brand-600"
      />
      <div className="min-w-0 flex-1">
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const title = String(new FormData(e.currentTarget).get("title") ?? "").trim();
              setEditing(false);
              if (title && title !== todo.title) void save({ title });
            }}
          >
            <input
              name="title"
              defaultValue={todo.title}
              aria-label="Edit title"
              // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this field
              autoFocus
              onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
              onBlur={(e) => e.currentTarget.form?.requestSubmit()}
              className="w-full rounded border border-brand-500 bg-transparent px-1 text-sm focus:outline-none"
            />
          </form>
        ) : (
          <p className={`text-sm ${done ? "text-slate-400 line-through" : ""}`} data-testid="todo-title">
            {todo.title}
          </p>
        )}
        {todo.notes && <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{todo.notes}</p>}
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          {todo.dueDate && <span>due {todo.dueDate}</span>}
          {todo.priority > 0 && (
            <span className={priorityColours[todo.priority]}>{PRIORITY[todo.priority]} priority</span>
          )}
          {todo.tags.map((t) => (
            <span key={t} className="rounded bg-slate-100 px-1.5 dark:bg-slate-800">
              #{t}
            </span>
          ))}
          {!todo.embedded && (
            <span
              className="text-amber-600 dark:text-amber-400"
              title="Saved. It joins semantic search once its embedding is ready."
            >
              waiting for embedding
            </span>
          )}
        </div>
        {error && (
          <p role="alert" className="mt-1 text-xs text-rose-600">
            {error}
          </p>
        )}
      </div>
      <div className="flex shrink-0 gap-1 text-xs opacity-70 group-hover:opacity-100 group-focus-within:opacity-100">
        <a
          href={`/build/${todo.id}`}
          className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Plan &amp; build
        </a>
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Edit
        </button>
        <button
          type="button"
          onClick={() =>
            void todoApi.remove(todo.id).then(
              () => onDeleted(todo.id),
              () => setError("Could not delete."),
            )
          }
          className="rounded px-2 py-1 text-rose-600 hover:bg-rose-50 dark:hover:bg-rose-950"
          aria-label={`Delete "${todo.title}"`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
