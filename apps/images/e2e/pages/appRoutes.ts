// Every route file of the app with the HTTP methods it exports, read from app/**/route.ts, so a route
// added later is covered by the sign-in checks without anyone listing it here.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface AppRoute {
  /** The route file, relative to app/. */
  file: string;
  /** Its URL path with each dynamic segment filled from `samples` (else "x"). */
  path: string;
  methods: string[];
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "app");

/** Does the source export `method` (export const/function GET, export const { GET, … }, export { x as GET })? */
function exportsMethod(source: string, method: string): boolean {
  const patterns = [
    new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b`),
    new RegExp(`export\\s+const\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`),
    new RegExp(`export\\s*\\{[^}]*\\bas\\s+${method}\\b[^}]*\\}`),
  ];
  return patterns.some((p) => p.test(source));
}

export function appRoutes(samples: Record<string, string> = {}): AppRoute[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => basename(file) === "route.ts")
    .map((file) => {
      const segments = dirname(file)
        .split(sep)
        .filter((s) => s !== "." && !/^\(.*\)$/.test(s)) // route groups do not show in the URL
        .map((s) => {
          const dynamic = /^\[(?:\.\.\.)?(\w+)\]$/.exec(s);
          return dynamic ? (samples[dynamic[1]!] ?? "x") : s;
        });
      const source = readFileSync(join(appDir, file), "utf8");
      return {
        file,
        path: `/${segments.join("/")}`,
        methods: METHODS.filter((m) => exportsMethod(source, m)),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
