// "Ask your todos" as a LangChain LCEL sequence: embed the question -> retrieve the owner's todos ->
// build the delimited prompt -> answer through the router (model "auto", "fast" or "strong"), streaming.
// The last step hands back the router's stream unread, so the route can forward tokens as they come.
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import { atThreshold } from "@switchyard/complexity";
import type { Router, RouterStream } from "@switchyard/router";
import type { ChatMessage } from "@switchyard/wire";
import { buildAskMessages } from "./askPrompt.ts";
import { LOCAL_EMBEDDING_MODEL, type TodoEmbedder, type UserRouting } from "./todoEmbedder.ts";
import type { AskTier, TodoView } from "./todoSchemas.ts";

export interface AskRequest {
  /** Whose todos are searched: the session's user id. */
  owner: string;
  /** Router options for the owner's model calls (`routerOptionsFor(user)`); default `{ userId: owner }`. */
  routing?: UserRouting;
  question: string;
  tier: AskTier;
  /** The score at or above which "auto" goes strong: the user's dial stop, read on the server. */
  threshold?: number;
  signal?: AbortSignal;
}

export interface QuestionEmbedding {
  vector: number[];
  model: string;
}

export interface AskDeps {
  embedder: TodoEmbedder;
  retrieve(owner: string, question: string, embedding: QuestionEmbedding | null): Promise<TodoView[]>;
  router: Pick<Router, "stream">;
  /** Today's date (YYYY-MM-DD) for questions such as "what's due this week?". */
  today?: () => string;
}

export interface AskAnswer {
  sources: TodoView[];
  messages: ChatMessage[];
  stream: RouterStream;
}

interface Embedded {
  request: AskRequest;
  embedding: QuestionEmbedding | null;
}

const isoToday = () => new Date().toISOString().slice(0, 10);
/** The longest answer the ask step may get: it bounds the budget reservation made before the call. */
export const ASK_MAX_TOKENS = 1024;

const routingOf = (request: AskRequest): UserRouting => request.routing ?? { userId: request.owner };

export function createAskChain(deps: AskDeps) {
  const embedQuestion = RunnableLambda.from(async (request: AskRequest): Promise<Embedded> => {
    try {
      const { vectors, model } = await deps.embedder.embed(
        [request.question],
        request.signal,
        routingOf(request),
      );
      return { request, embedding: { vector: vectors[0]!, model } };
    } catch {
      // No embedding provider right now: full-text retrieval alone still gives an answer.
      return { request, embedding: null };
    }
  });

  const retrieve = RunnableLambda.from(async (s: Embedded) => ({
    ...s,
    sources: await deps.retrieve(s.request.owner, s.request.question, s.embedding),
  }));

  const prompt = RunnableLambda.from((s: Embedded & { sources: TodoView[] }) => ({
    ...s,
    messages: buildAskMessages(s.request.question, s.sources, (deps.today ?? isoToday)()),
  }));

  // #region answer-step
  const answer = RunnableLambda.from(
    (s: Embedded & { sources: TodoView[]; messages: ChatMessage[] }): AskAnswer => {
      // The classifier scores with the local model's space; a hosted model's vector would mislead it.
      const reusable = s.embedding?.model === LOCAL_EMBEDDING_MODEL ? s.embedding.vector : undefined;
      const start = () =>
        deps.router.stream(
          { model: s.request.tier, messages: s.messages, max_tokens: ASK_MAX_TOKENS },
          {
            feature: "ask",
            ...routingOf(s.request),
            ...(reusable ? { embedding: reusable } : {}),
            ...(s.request.signal ? { signal: s.request.signal } : {}),
          },
        );
      // The router classifies as the call starts, inside this scope: at the user's stop of the dial.
      const threshold = s.request.threshold;
      const stream = threshold === undefined ? start() : atThreshold(threshold, start);
      return { sources: s.sources, messages: s.messages, stream };
    },
  );
  // #endregion

  return RunnableSequence.from([embedQuestion, retrieve, prompt, answer]);
}
