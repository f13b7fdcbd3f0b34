// Where builds live: the todo_builds table in the app (saved with the todo, deleted with it), or a
// map in memory for unit tests.
import { type Database, todoBuilds } from "@switchyard/db";
import { and, desc, eq, max } from "drizzle-orm";
import type { Build } from "./buildTypes.ts";

export interface BuildStore {
  latest(owner: string, todoId: string): Promise<Build | null>;
  /** Saves the build as the latest of its todo (a higher run replaces the previous one). */
  save(build: Build): Promise<void>;
  runs(owner: string, todoId: string): Promise<number>;
}

export function memoryBuildStore(): BuildStore {
  const builds = new Map<string, Build>();
  const key = (owner: string, todoId: string) => `${owner}\u0000${todoId}`;
  return {
    async latest(owner, todoId) {
      return structuredClone(builds.get(key(owner, todoId)) ?? null);
    },
    async save(build) {
      builds.set(key(build.owner, build.todoId), structuredClone(build));
    },
    async runs(owner, todoId) {
      return builds.get(key(owner, todoId))?.run ?? 0;
    },
  };
}

export function postgresBuildStore(db: Database): BuildStore {
  return {
    async latest(owner, todoId) {
      const [row] = await db
        .select({ build: todoBuilds.build })
        .from(todoBuilds)
        .where(and(eq(todoBuilds.owner, owner), eq(todoBuilds.todoId, todoId)))
        .orderBy(desc(todoBuilds.run))
        .limit(1);
      return (row?.build as Build | undefined) ?? null;
    },
    async save(build) {
      const values = {
        todoId: build.todoId,
        run: build.run,
        owner: build.owner,
        status: build.status,
        build,
        approvedAt: build.status === "approved" ? new Date(build.updatedAt) : null,
        updatedAt: new Date(),
      };
      await db
        .insert(todoBuilds)
        .values(values)
        .onConflictDoUpdate({ target: [todoBuilds.todoId, todoBuilds.run], set: values });
    },
    async runs(owner, todoId) {
      const [row] = await db
        .select({ run: max(todoBuilds.run) })
        .from(todoBuilds)
        .where(and(eq(todoBuilds.owner, owner), eq(todoBuilds.todoId, todoId)));
      return row?.run ?? 0;
    },
  };
}
