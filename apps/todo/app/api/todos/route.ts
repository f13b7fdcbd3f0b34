// GET the signed-in user's todos; POST creates one (an Idempotency-Key makes a repeat replay, per user;
// the same key with another body is 422, one still running is 409 with Retry-After).
import { apiRoute, idempotencyKeyOf, readJson, routerOptionsFor } from "@switchyard/server";
import { listTodos } from "@/lib/todoRepository.ts";
import { todoInput } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";
import { createTodoOnce } from "@/lib/todoWrites.ts";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async (_req, { user }) => {
  const services = await todoServices();
  void services.backfill.kick();
  return Response.json({ todos: await listTodos(services.db, user.id) });
});

export const POST = apiRoute({}, async (req, { user }) => {
  const key = idempotencyKeyOf(req);
  const input = await readJson(req, todoInput, 16 * 1024);
  const services = await todoServices();
  const { value, replay } = await createTodoOnce(services, user.id, input, key, routerOptionsFor(user));
  return Response.json(value, {
    status: replay ? 200 : 201,
    headers: { "idempotent-replayed": String(replay) },
  });
});
