import { errorResponse, idempotencyKeyOf, readJson } from "@switchyard/server";
import { runOnce } from "@/lib/idempotentMutation.ts";
import { currentOwner } from "@/lib/owner.ts";
import { listTodos } from "@/lib/todoRepository.ts";
import { todoInput } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";
import { createTodo } from "@/lib/todoWrites.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const services = await todoServices();
    void services.backfill.kick();
    return Response.json({ todos: await listTodos(services.db, currentOwner()) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(req: Request) {
  try {
    const key = idempotencyKeyOf(req);
    const input = await readJson(req, todoInput, 16 * 1024);
    const services = await todoServices();
    const owner = currentOwner();
    const { value, replay } = await runOnce(services.db, "todo:create", key, { owner, input }, async () => ({
      todo: await createTodo(services, owner, input),
    }));
    return Response.json(value, {
      status: replay ? 200 : 201,
      headers: { "idempotent-replayed": String(replay) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
