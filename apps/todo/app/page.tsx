// The todo list, search, the ask panel and today's costs, for a signed-in user (else /sign-in?next=/).
import { getLiveStatus, pageUser } from "@switchyard/server";
import { AppShell } from "@switchyard/ui";
import { NAV } from "@/components/nav.ts";
import { TodoApp } from "@/components/TodoApp.tsx";
import { listTodos } from "@/lib/todoRepository.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await pageUser("/");
  const [status, services] = await Promise.all([getLiveStatus(), todoServices()]);
  void services.backfill.kick();
  const todos = await listTodos(services.db, user.id);
  return (
    <AppShell title="Todos" nav={NAV} status={status} user={user}>
      <TodoApp initialTodos={todos} />
    </AppShell>
  );
}
