import { envVar } from "@switchyard/wire";
import { z } from "zod";

/** Every environment variable this package reads, parsed in one place. */
export const dbEnvSchema = z.object({
  /** A Postgres server with pgvector. Unset: the embedded PGlite database. */
  DATABASE_URL: envVar(
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Connections in the postgres.js pool (the DATABASE_URL path). */
  DATABASE_POOL_MAX: envVar(z.coerce.number().int().min(1).max(100).default(5)),
  /** Where the embedded PGlite keeps its files; `memory://` keeps nothing. */
  SWITCHYARD_DATA_DIR: envVar(z.string().trim().min(1).optional()),
  /** The folder of committed SQL migrations, when it cannot be found from the working directory. */
  SWITCHYARD_MIGRATIONS_DIR: envVar(z.string().trim().min(1).optional()),
  /** Port of `pnpm --filter @switchyard/db serve` (PGlite over the Postgres wire). */
  PGLITE_PORT: envVar(z.coerce.number().int().min(0).max(65535).default(5433)),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export function dbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new DbConfigError(`invalid database environment (${fields})`);
  }
  return parsed.data;
}

export class DbConfigError extends Error {
  readonly code = "db_config_invalid";
  override name = "DbConfigError";
}
