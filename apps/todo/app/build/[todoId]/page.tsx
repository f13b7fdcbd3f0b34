import { getLiveStatus } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BuildReview } from "@/components/build/BuildReview.tsx";
import { NAV } from "@/components/nav.ts";
import { buildChain } from "@/lib/build/buildRoutes.ts";
import { currentOwner } from "@/lib/owner.ts";
import { getTodo } from "@/lib/todoRepository.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export default async function BuildPage({ params }: { params: Promise<{ todoId: string }> }) {
  const id = z.uuid().safeParse((await params).todoId);
  if (!id.success) notFound();
  const [status, { db }] = await Promise.all([getLiveStatus(), todoServices()]);
  const owner = currentOwner();
  const todo = await getTodo(db, owner, id.data);
  if (!todo) notFound();
  const build = await (await buildChain()).get(owner, todo.id);
  return (
    <AppShell
      title="Plan & build"
      nav={[...NAV, { href: `/build/${todo.id}`, label: "Plan & build" }]}
      status={status}
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
