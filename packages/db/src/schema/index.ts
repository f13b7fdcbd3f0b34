export * from "./budgets.ts";
export { EMBEDDING_DIMENSIONS } from "./columns.ts";
export * from "./creditSnapshots.ts";
export * from "./idempotencyKeys.ts";
export * from "./images.ts";
export * from "./llmCalls.ts";
export * from "./todoBuilds.ts";
export * from "./todos.ts";
