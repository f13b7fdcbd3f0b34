// One of the signed-in user's todos: GET, PATCH (idempotent with a key), DELETE. Another user's todo is
// 404, exactly as a todo that does not exist.
import { ApiError, apiRoute, idempotencyKeyOf, readJson, routerOptionsFor } from "@switchyard/server";
import { z } from "zod";
import { runOnce } from "@/lib/idempotentMutation.ts";
import { deleteTodo, getTodo } from "@/lib/todoRepository.ts";
import { todoPatch } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";
import { editTodo } from "@/lib/todoWrites.ts";

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
  const { value } = await runOnce(services.db, scope, key, { id, patch }, async () => {
    const todo = await editTodo(services, user.id, id, patch, routerOptionsFor(user));
    if (!todo) throw notFound();
    return { todo };
  });
  return Response.json(value);
});

export const DELETE = apiRoute<Params>({}, async (_req, { user, params }) => {
  const { db } = await todoServices();
  // Deleting twice is harmless: the second time there is nothing left, which is what the caller wanted.
  return Response.json({ deleted: await deleteTodo(db, user.id, idOf(params)) });
});
