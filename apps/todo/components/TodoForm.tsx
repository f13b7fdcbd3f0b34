"use client";
// Adds a todo. One Idempotency-Key per user action: a double click or a retry of the same add sends the
// same key, so the server creates one todo; the key is renewed once the add succeeded.
import { useRef, useState } from "react";
import { ApiCallError, newActionKey, todoApi } from "@/lib/client/todoApi.ts";
import type { TodoView } from "@/lib/todoSchemas.ts";

const input =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900";

export function TodoForm({ onAdded }: { onAdded: (todo: TodoView) => void }) {
  const key = useRef<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const title = String(data.get("title") ?? "").trim();
    if (!title) return setError("Give the todo a title.");
    key.current ??= newActionKey();
    setPending(true);
    setError(null);
    try {
      const tags = String(data.get("tags") ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      const todo = await todoApi.create(
        {
          title,
          notes: String(data.get("notes") ?? ""),
          priority: Number(data.get("priority") ?? 0),
          dueDate: String(data.get("dueDate") ?? "") || null,
          tags,
        },
        key.current,
      );
      onAdded(todo);
      form.reset();
      key.current = null;
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "Could not add the todo.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      aria-label="Add a todo"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
      onChange={() => {
        // Edited content is a new action, whatever happened to the previous one.
        if (!pending) key.current = null;
      }}
    >
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="todo-title">
          New todo
        </label>
        <input
          id="todo-title"
          name="title"
          placeholder="Add a todo… (e.g. buy milk and eggs)"
          className={`${input} flex-1`}
          maxLength={200}
          autoComplete="off"
        />
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60"
        >
          {pending ? "Adding…" : "Add"}
        </button>
      </div>
      <button
        type="button"
        className="self-start text-xs text-slate-500 underline-offset-2 hover:underline dark:text-slate-400"
        aria-expanded={more}
        onClick={() => setMore((m) => !m)}
      >
        {more ? "Fewer details" : "Notes, due date, priority, tags"}
      </button>
      {more && (
        <div className="grid gap-2 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400 sm:col-span-2">
            Notes
            <textarea name="notes" rows={2} className={input} maxLength={4000} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
            Due date
            <input type="date" name="dueDate" className={input} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
            Priority
            <select name="priority" className={input} defaultValue="0">
              <option value="0">None</option>
              <option value="1">Low</option>
              <option value="2">Medium</option>
              <option value="3">High</option>
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400 sm:col-span-2">
            Tags (comma separated)
            <input name="tags" className={input} placeholder="errands, work" />
          </label>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </form>
  );
}
