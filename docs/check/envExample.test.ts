// Keeps `.env.example` true: it names exactly the README's environment table, every variable an env
// reader reads, and only values that mean the same as leaving the variable unset (the defaults).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { authEnv } from "@switchyard/auth";
import { dbEnv } from "@switchyard/db";
import { localProviderEnv } from "@switchyard/local-provider";
import { parseRouterEnv } from "@switchyard/router";
import { serverEnv } from "@switchyard/server";
import { describe, expect, it } from "vitest";
import { gatewayEnv } from "../../apps/gateway/src/gatewayEnv.ts";
import { imagesEnv } from "../../apps/images/lib/imagesEnv.ts";
import { repoRoot } from "./markdown.ts";

type Env = Record<string, string | undefined>;

/** Every zod env reader in the repo: the schemas stay the source of truth. */
const readers: Record<string, (env: Env) => unknown> = {
  router: parseRouterEnv,
  db: dbEnv,
  auth: authEnv,
  server: serverEnv,
  "local provider": localProviderEnv,
  images: imagesEnv,
  gateway: gatewayEnv,
};

/** Set by Node and Next themselves, not by a user's .env. */
const notUserSettings = new Set(["NODE_ENV"]);

function exampleVariables(): Map<string, string> {
  const text = readFileSync(join(repoRoot, ".env.example"), "utf8");
  const vars = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) vars.set(m[1]!, m[2]!);
  }
  return vars;
}

function readmeTableVariables(): Set<string> {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.split(/^## Environment$/m)[1]?.split(/^## /m)[0] ?? "";
  const names = new Set<string>();
  for (const row of section.split("\n").filter((l) => l.startsWith("| `"))) {
    const firstCell = row.split("|")[1] ?? "";
    for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(m[1]!);
  }
  return names;
}

/** The variables a reader looks at, found by handing it an env that records every read. */
function variablesRead(read: (env: Env) => unknown): string[] {
  const seen = new Set<string>();
  const recorder = new Proxy({} as Env, {
    get: (_target, key) => {
      if (typeof key === "string") seen.add(key);
      return undefined;
    },
  });
  read(recorder);
  return [...seen].filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k));
}

describe(".env.example", () => {
  const example = exampleVariables();

  it("names exactly the variables of the README's environment table", () => {
    expect([...example.keys()].sort()).toEqual([...readmeTableVariables()].sort());
  });

  it.each(Object.entries(readers))("lists every variable the %s reader reads", (_name, read) => {
    const missing = variablesRead(read).filter((k) => !example.has(k) && !notUserSettings.has(k));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(readers))("gives the %s reader's defaults, never other values", (_name, read) => {
    const defaults = read({}) as Record<string, unknown>;
    const differing = variablesRead(read)
      .filter((k) => example.has(k))
      .filter((k) => {
        const parsed = read({ [k]: example.get(k) }) as Record<string, unknown>;
        return JSON.stringify(parsed[k]) !== JSON.stringify(defaults[k]);
      });
    expect(differing).toEqual([]);
  });
});
