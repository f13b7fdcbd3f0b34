"use client";
// Semantic + keyword search over the todos, as you type (debounced). Each hit says how it matched.
import { useEffect, useState } from "react";
import { ApiCallError, todoApi } from "@/lib/client/todoApi.ts";
import type { SearchHit } from "@/lib/todoSchemas.ts";

function matchLabel(hit: SearchHit): string {
  if (hit.semanticRank !== null && hit.lexicalRank !== null) return "meaning + words";
  return hit.semanticRank !== null ? "meaning" : "words";
}

export function SearchResults({ query }: { query: string }) {
  const [state, setState] = useState<
    | { kind: "loading" }
    | { kind: "done"; hits: SearchHit[]; semantic: boolean }
    | { kind: "error"; message: string }
  >({ kind: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    const timer = setTimeout(() => {
      todoApi.search(query, controller.signal).then(
        (r) => setState({ kind: "done", ...r }),
        (e) => {
          if (!controller.signal.aborted)
            setState({ kind: "error", message: e instanceof ApiCallError ? e.message : "Search failed." });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  if (state.kind === "loading")
    return (
      <p className="text-sm text-slate-500" aria-live="polite">
        Searching…
      </p>
    );
  if (state.kind === "error")
    return (
      <p role="alert" className="text-sm text-rose-600">
        {state.message}
      </p>
    );
  return (
    <section aria-label="Search results" className="flex flex-col gap-2">
      {!state.semantic && (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          Embeddings are unavailable right now: matching words only.
        </p>
      )}
      {state.hits.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing matches “{query}”.</p>
      ) : (
        <ol className="flex flex-col gap-1" data-testid="search-results">
          {state.hits.map((hit) => (
            <li
              key={hit.todo.id}
              data-testid="search-hit"
              className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-800"
            >
              <a href={`#todo-${hit.todo.id}`} className="hover:underline">
                {hit.todo.title}
              </a>
              <span className="shrink-0 text-xs text-slate-500">{matchLabel(hit)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
