import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";
import { todos } from "./todos.ts";

/**
 * Plan & build runs of a todo (spec, code revisions, test results, reviews), kept with the todo and
 * deleted with it. The app owns the shape of `build`; the columns beside it are what it queries by.
 */
export const todoBuilds = pgTable(
  "todo_builds",
  {
    todoId: uuid("todo_id")
      .notNull()
      .references(() => todos.id, { onDelete: "cascade" }),
    run: integer("run").notNull(),
    owner: text("owner").notNull(),
    status: text("status").notNull(),
    build: jsonb("build").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.todoId, t.run] }), index("todo_builds_owner_idx").on(t.owner, t.todoId)],
);

export type TodoBuild = typeof todoBuilds.$inferSelect;
