// @switchyard/tooling/fuzz: hostile-input arbitraries and the runner that sends them to route handlers.
export { default as fc } from "fast-check";
export * from "./fuzzRunner.ts";
export * from "./fuzzSuite.ts";
export * from "./hostileRequests.ts";
export * from "./hostileValues.ts";
