import { getLiveStatus } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { NAV } from "@/components/nav";
import { TodoApp } from "@/components/TodoApp";
import { currentOwner } from "@/lib/owner";
import { listTodos } from "@/lib/todoRepository";
import { todoServices } from "@/lib/todoServices";

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
