export { type CreateDbOptions, createDb, type DbHandle, type DbPing } from "./client.ts";
export { type Database, isSingleSession, resultRows } from "./database.ts";
export { DbConfigError, type DbEnv, dbEnv, dbEnvSchema } from "./env.ts";
export * from "./gatewayKeys/index.ts";
export { applyMigrations, type MigrationResult } from "./migrate.ts";
export {
  ensureOwnerVectorIndexes,
  OWNER_INDEX_MIN_TODOS,
  type OwnerIndexRun,
  ownerIndexName,
} from "./ownerVectorIndexes.ts";
export { defaultDataDir, defaultMigrationsFolder, findRepoRoot } from "./paths.ts";
export { type PgliteServer, type PgliteServerOptions, startPgliteServer } from "./pgliteServer.ts";
export * from "./rateLimits/index.ts";
export * from "./routerStores/index.ts";
export * from "./schema/index.ts";
