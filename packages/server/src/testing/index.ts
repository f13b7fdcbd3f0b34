// @switchyard/server/testing: the in-process test world (database, users, requests) and the fuzz world
// built on it, for apps' *.test.ts files. Never imported by app code.
export * from "./fuzzWorld.ts";
export * from "./serverRoutesToFuzz.ts";
export * from "./serverWorld.ts";
