// The browser's side of the todo API: typed calls, one Idempotency-Key per user action, readable errors
// (a spent budget or a rate limit says when it lifts).
import { apiFailureOf, failureMessage } from "@switchyard/ui/auth";
import { type DialView, dialView, type FeedbackInput } from "../dial/dialSchemas.ts";
import type { SearchHit, TodoInput, TodoPatch, TodoView } from "../todoSchemas.ts";

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A fresh key for one user action; repeats of that action (double click, retry) reuse it. */
export function newActionKey(): string {
  return `ui-${crypto.randomUUID()}`;
}

/** A failed response as an ApiCallError with the message a user should read. */
export async function callErrorOf(res: Response): Promise<ApiCallError> {
  const failure = await apiFailureOf(res);
  return new ApiCallError(failure.code, failureMessage(failure));
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    throw new ApiCallError("network", "Cannot reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw await callErrorOf(res);
  return (await res.json()) as T;
}

export const todoApi = {
  list: () => call<{ todos: TodoView[] }>("/api/todos").then((r) => r.todos),
  create: (input: Partial<TodoInput> & { title: string }, key: string) =>
    call<{ todo: TodoView }>("/api/todos", {
      method: "POST",
      body: JSON.stringify(input),
      headers: { "idempotency-key": key },
    }).then((r) => r.todo),
  update: (id: string, patch: TodoPatch, key: string) =>
    call<{ todo: TodoView }>(`/api/todos/${id}`, {
      method: "PATCH",
      body: JSON.stringify(patch),
      headers: { "idempotency-key": key },
    }).then((r) => r.todo),
  remove: (id: string) => call<{ deleted: boolean }>(`/api/todos/${id}`, { method: "DELETE" }),
  search: (q: string, signal?: AbortSignal) =>
    call<{ hits: SearchHit[]; semantic: boolean }>(
      `/api/search?q=${encodeURIComponent(q)}`,
      signal ? { signal } : {},
    ),
  costs: () =>
    call<{
      spentUsd: number;
      savedUsd: number;
      baselineUsd: number;
      requests: number;
      byTier: { fast: number; strong: number };
    }>("/api/costs"),
  dial: (): Promise<DialView> => call<unknown>("/api/dial").then((r) => dialView.parse(r)),
  setDial: (stop: string): Promise<DialView> =>
    call<unknown>("/api/dial", { method: "PUT", body: JSON.stringify({ stop }) }).then((r) =>
      dialView.parse(r),
    ),
  feedback: (requestId: string, input: FeedbackInput) =>
    call<{ feedback: { requestId: string; label: string; questionStored: boolean } }>(
      `/api/answers/${encodeURIComponent(requestId)}/feedback`,
      { method: "POST", body: JSON.stringify(input) },
    ).then((r) => r.feedback),
};
