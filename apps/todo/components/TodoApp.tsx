"use client";
// The page's interactive part: add and search todos on the left, ask them on the right.
import { useState } from "react";
import type { TodoView } from "@/lib/todoSchemas.ts";
import { AskPanel } from "./AskPanel.tsx";
import { AssistantPanel } from "./assistant/AssistantPanel.tsx";
import { CostPanel } from "./CostPanel.tsx";
import { ImportPanel } from "./import/ImportPanel.tsx";
import { SearchResults } from "./SearchResults.tsx";
import { TodoForm } from "./TodoForm.tsx";
import { TodoItem } from "./TodoItem.tsx";

export function TodoApp({ initialTodos }: { initialTodos: TodoView[] }) {
  const [todos, setTodos] = useState(initialTodos);
  const [query, setQuery] = useState("");
  const [answers, setAnswers] = useState(0);
  const upsert = (todo: TodoView) =>
    setTodos((all) =>
      all.some((t) => t.id === todo.id) ? all.map((t) => (t.id === todo.id ? todo : t)) : [todo, ...all],
    );
  const open = todos.filter((t) => t.status === "open").length;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <div className="flex flex-col gap-4">
        <TodoForm onAdded={upsert} />
        <ImportPanel onImported={(added) => added.forEach(upsert)} />
        <div>
          <label htmlFor="todo-search" className="sr-only">
            Search todos
          </label>
          <input
            id="todo-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setQuery("")}
            placeholder="Search by meaning or words (try “groceries”)"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        {query.trim() && <SearchResults query={query.trim()} />}
        <section aria-label="Todos">
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {todos.length === 0 ? "No todos yet" : `${open} open · ${todos.length - open} done`}
          </h2>
          {todos.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
              Add your first todo above. Each one is embedded so you can search it by meaning and ask
              questions about it.
            </p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="todo-list">
              {todos.map((t) => (
                <TodoItem
                  key={t.id}
                  todo={t}
                  onChanged={upsert}
                  onDeleted={(id) => setTodos((all) => all.filter((x) => x.id !== id))}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
      <aside className="flex flex-col gap-4">
        <AssistantPanel onChanged={upsert} />
        <AskPanel onAnswered={() => setAnswers((n) => n + 1)} />
        <CostPanel version={answers} />
      </aside>
    </div>
  );
}
