import { getLiveStatus } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { NAV } from "@/components/nav.ts";
import { TodoApp } from "@/components/TodoApp.tsx";
import { currentOwner } from "@/lib/owner.ts";
import { listTodos } from "@/lib/todoRepository.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export default async function Home() {
  const [status, services] = await Promise.all([getLiveStatus(), todoServices()]);
  void services.backfill.kick();
  const todos = await listTodos(services.db, currentOwner());
  return (
    <AppShell title="Todos" nav={NAV} status={status}>
      <TodoApp initialTodos={todos} />
    </AppShell>
  );
}
