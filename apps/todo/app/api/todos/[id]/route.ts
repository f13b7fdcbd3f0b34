import { ApiError, errorResponse, idempotencyKeyOf, readJson } from "@switchyard/server";
import { z } from "zod";
import { runOnce } from "@/lib/idempotentMutation.ts";
import { currentOwner } from "@/lib/owner.ts";
import { deleteTodo, getTodo } from "@/lib/todoRepository.ts";
import { todoPatch } from "@/lib/todoSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";
import { editTodo } from "@/lib/todoWrites.ts";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const notFound = () => new ApiError("not_found", "No such todo.", 404);

async function idOf(ctx: Context): Promise<string> {
  const parsed = z.uuid().safeParse((await ctx.params).id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function GET(_req: Request, ctx: Context) {
  try {
    const { db } = await todoServices();
    const todo = await getTodo(db, currentOwner(), await idOf(ctx));
    if (!todo) throw notFound();
    return Response.json({ todo });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(req: Request, ctx: Context) {
  try {
    const id = await idOf(ctx);
    const key = idempotencyKeyOf(req);
    const patch = await readJson(req, todoPatch, 16 * 1024);
    const services = await todoServices();
    const owner = currentOwner();
    const { value } = await runOnce(services.db, "todo:update", key, { owner, id, patch }, async () => {
      const todo = await editTodo(services, owner, id, patch);
      if (!todo) throw notFound();
      return { todo };
    });
    return Response.json(value);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_req: Request, ctx: Context) {
  try {
    const { db } = await todoServices();
    // Deleting twice is harmless: the second time there is nothing left, which is what the caller wanted.
    const deleted = await deleteTodo(db, currentOwner(), await idOf(ctx));
    return Response.json({ deleted });
  } catch (error) {
    return errorResponse(error);
  }
}
