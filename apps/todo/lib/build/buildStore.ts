// Where builds live. In memory for now, one map per server process: the database has no table for
// builds yet (see the todo_builds migration requested in the chapter notes). Swap this for a
// Postgres implementation of the same interface when it lands.
import type { Build } from "./buildTypes";

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
