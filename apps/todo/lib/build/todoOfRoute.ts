// The todo a build route is about, scoped to the current owner; 404 when it is not theirs.
import { ApiError } from "@switchyard/server";
import { z } from "zod";
import { currentOwner } from "@/lib/owner.ts";
import { getTodo } from "@/lib/todoRepository.ts";
import { todoServices } from "@/lib/todoServices.ts";

export type BuildRouteContext = { params: Promise<{ todoId: string }> };

export async function todoOfRoute(ctx: BuildRouteContext) {
  const parsed = z.uuid().safeParse((await ctx.params).todoId);
  const notFound = new ApiError("not_found", "No such todo.", 404);
  if (!parsed.success) throw notFound;
  const { db } = await todoServices();
  const owner = currentOwner();
  const todo = await getTodo(db, owner, parsed.data);
  if (!todo) throw notFound;
  return { owner, todo };
}
