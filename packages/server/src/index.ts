export { ApiError, errorResponse, idempotencyKeyOf, jsonError, readJson } from "./apiErrors";
export { getLiveStatus, healthGET, type LiveStatus } from "./liveStatus";
export { getDb, getRouter } from "./services";
export * from "./usage/index";
