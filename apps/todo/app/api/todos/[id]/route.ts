// One of the signed-in user's todos: GET, PATCH (idempotent with a key), DELETE. Another user's todo is
// 404, exactly as a todo that does not exist.
import { ApiError, apiRoute, idempotencyKeyOf, readJson, routerOptionsFor } from "@switchyard/server";
import { z } from "zod";
import { runOnce } from "@/lib/idempotentMutation.ts";
import { deleteTodo, getTodo, updateTodo } from "@/lib/todoRepository.ts";
import { todoPatch } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";
import { embedSaved } from "@/lib/todoWrites.ts";

export const dynamic = "force-dynamic";

type Params = { id: string };

const notFound = () => new ApiError("not_found", "No such todo.", 404);

function idOf(params: Params): string {
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const GET = apiRoute<Params>({}, async (_req, { user, params }) => {
  const { db } = await todoServices();
  const todo = await getTodo(db, user.id, idOf(params));
  if (!todo) throw notFound();
  return Response.json({ todo });
});

export const PATCH = apiRoute<Params>({}, async (req, { user, params }) => {
  const id = idOf(params);
  const key = idempotencyKeyOf(req);
  const patch = await readJson(req, todoPatch, 16 * 1024);
  const services = await todoServices();
  const scope = { action: "todo:update", owner: user.id };
  // The change and the key's completion commit together; the new text is embedded after, outside it.
  const { value, replay } = await runOnce(
    services.db,
    scope,
    key,
    { id, patch },
    {
      write: async (tx) => {
        const todo = await updateTodo(tx, user.id, id, patch);
        if (!todo) throw notFound();
        return { todo };
      },
    },
  );
  if (replay || value.todo.embedded) return Response.json(value);
  return Response.json({ todo: await embedSaved(services, user.id, value.todo, routerOptionsFor(user)) });
});

export const DELETE = apiRoute<Params>({}, async (_req, { user, params }) => {
  const { db } = await todoServices();
  // Deleting twice is harmless: the second time there is nothing left, which is what the caller wanted.
  return Response.json({ deleted: await deleteTodo(db, user.id, idOf(params)) });
});
