// The browser's side of the assistant: send a message, get a reply with proposal cards; approve one
// (its id is the key, so a double click approves once). Rejecting needs no call: nothing was written.
import { ApiCallError, callErrorOf } from "../client/todoApi.ts";
import type { TodoView } from "../todoSchemas.ts";
import type { AssistantReply, Proposal } from "./proposals.ts";

async function post<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
  } catch {
    throw new ApiCallError("network", "Cannot reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw await callErrorOf(res);
  return (await res.json()) as T;
}

export const assistantApi = {
  send: (message: string) => post<AssistantReply>("/api/assistant", { message }),
  approve: (proposal: Proposal) =>
    post<{ todo: TodoView }>("/api/assistant/approve", proposal).then((r) => r.todo),
};
