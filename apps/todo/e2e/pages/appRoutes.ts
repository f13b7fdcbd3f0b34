// Every API route the app serves, read from its route files, so a test that walks them all cannot miss
// a route added later. Dynamic segments get sample values.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

const APP_DIR = fileURLToPath(new URL("../../app/", import.meta.url));

/** Routes anyone may call: better-auth's own, the health check and the dev demo sign-in. */
export const PUBLIC_ROUTES = new Set(["/api/auth/[...all]", "/api/health", "/api/demo-sign-in"]);

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface AppRoute {
  /** As in the tree, e.g. /api/todos/[id]. */
  pattern: string;
  /** With sample values for the dynamic segments, ready to request. */
  url: string;
  methods: Method[];
}

function exportedMethods(source: string): Method[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]+)\}/g))
    for (const name of m[1]!.split(",")) names.add(name.trim());
  for (const m of source.matchAll(/export\s+\{([^}]+)\}/g))
    for (const part of m[1]!.split(","))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!,
      );
  return METHODS.filter((method) => names.has(method));
}

export function appRoutes(): AppRoute[] {
  const files = readdirSync(APP_DIR, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(`${sep}route.ts`) || file === "route.ts");
  return files.map((file) => {
    const pattern = `/${dirname(file).split(sep).join("/")}`;
    const url = pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_, _rest, name: string) =>
      name === "requestId" ? "req-not-yours" : randomUUID(),
    );
    return { pattern, url, methods: exportedMethods(readFileSync(join(APP_DIR, file), "utf8")) };
  });
}
