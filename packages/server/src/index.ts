export { ApiError, errorResponse, idempotencyKeyOf, jsonError, readJson } from "./apiErrors.ts";
export { getLiveStatus, healthGET, type LiveStatus } from "./liveStatus.ts";
export { getDb, getRouter } from "./services.ts";
export * from "./usage/index.ts";
