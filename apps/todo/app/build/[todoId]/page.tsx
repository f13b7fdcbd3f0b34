// Plan & build for one of the signed-in user's todos; another user's todo is a 404 like a missing one.
import { getLiveStatus, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BuildReview } from "@/components/build/BuildReview.tsx";
import { NAV } from "@/components/nav.ts";
import { buildChain } from "@/lib/build/buildRoutes.ts";
import { getTodo } from "@/lib/todoRepository.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export default async function BuildPage({ params }: { params: Promise<{ todoId: string }> }) {
  const { todoId } = await params;
  const user = await pageUser(`/build/${encodeURIComponent(todoId)}`);
  const id = z.uuid().safeParse(todoId);
  if (!id.success) notFound();
  const [status, { db }] = await Promise.all([getLiveStatus(), todoServices()]);
  const todo = await getTodo(db, user.id, id.data);
  if (!todo) notFound();
  const build = await (await buildChain()).get(user.id, todo.id);
  return (
    <AppShell
      title="Plan & build"
      nav={[...NAV, { href: `/build/${todo.id}`, label: "Plan & build" }]}
      status={status}
      user={user}
    >
      <div className="flex flex-col gap-4">
        <header>
          <h2 className="text-lg font-semibold" data-testid="build-task">
            {todo.title}
          </h2>
          {todo.notes && <p className="text-sm text-slate-500">{todo.notes}</p>}
          <p className="mt-1 text-xs text-slate-500">
            A planner writes a specification, a coder writes the function and its tests, the tests run in a
            sandbox, and you decide. Answers labelled “scripted” come from the local provider&apos;s samples.
          </p>
        </header>
        <BuildReview todoId={todo.id} initial={build} />
      </div>
    </AppShell>
  );
}
