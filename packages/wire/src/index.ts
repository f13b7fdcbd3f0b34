// @switchyard/wire: the OpenAI-compatible wire as OpenRouter speaks it, and what Switchyard adds to it
// (routing metadata, its error body), as zod schemas. Validated wherever it crosses a process
// boundary: the router checks requests and provider answers with these, the local provider its
// requests, the apps what reaches the browser. One file per concept; this entry exports them all.
export * from "./chat.ts";
export * from "./contentParts.ts";
export * from "./embeddings.ts";
export * from "./env.ts";
export * from "./errorBody.ts";
export * from "./images.ts";
export * from "./readBoundedBody.ts";
export * from "./routing.ts";
export * from "./tools.ts";
export * from "./upstreamError.ts";
