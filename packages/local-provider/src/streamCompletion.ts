// Streams a completion the way OpenRouter does: optional `: OPENROUTER PROCESSING` comments while
// waiting, content chunks paced by tokens/s, a finish chunk, a usage chunk with `choices: []`, then
// `data: [DONE]`. Stalls, mid-stream failures (an error chunk with finish_reason "error") and silent
// cuts (the stream just ends, no finish_reason, no `[DONE]`) come from the endpoint's fault profile.
// Tool calls follow the text as OpenAI streams them: by index, the id and name first, the arguments
// JSON split over several chunks.
import { type Completion, streamedUnits } from "./chatCompletions.ts";
import { providerMetadata, type RequestContext } from "./requestContext.ts";
import { sleep } from "./sleep.ts";

const COMMENT_EVERY_MS = 1000;

export async function streamCompletion(ctx: RequestContext, completion: Completion, isImage: boolean) {
  const { res, endpoint } = ctx;
  const f = endpoint.faults;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-generation-id": ctx.requestId,
  });
  ctx.entry.status = 200;
  res.flushHeaders();

  const created = Math.floor(Date.now() / 1000);
  const send = (payload: Record<string, unknown>) =>
    res.write(
      `data: ${JSON.stringify({ id: ctx.requestId, provider: endpoint.provider, model: completion.model, object: "chat.completion.chunk", created, ...payload })}\n\n`,
    );
  const delta = (d: Record<string, unknown>, finish: string | null = null) =>
    send({
      choices: [{ index: 0, delta: d, finish_reason: finish, native_finish_reason: finish, logprobs: null }],
    });

  let comments: NodeJS.Timeout | undefined;
  if (f.processingComments) {
    res.write(": OPENROUTER PROCESSING\n\n");
    comments = setInterval(() => res.write(": OPENROUTER PROCESSING\n\n"), COMMENT_EVERY_MS);
  }
  try {
    await sleep(
      f.hangBeforeFirstTokenMs +
        endpoint.jittered(f.firstTokenMs) +
        (isImage ? endpoint.jittered(f.imageMs) : 0),
      ctx.signal,
    );
  } finally {
    clearInterval(comments);
  }

  const tokens = completion.tokens;
  const n = streamedUnits(completion);
  const pieces = completion.toolCalls.flatMap((call, index) =>
    call.pieces.map((piece, j) => ({ call, index, first: j === 0, piece })),
  );
  /** Sends units [from, to): the text in one chunk, then each argument piece in its own. */
  const sendUnits = (from: number, to: number) => {
    const textEnd = Math.min(to, tokens.length);
    if (from < textEnd) {
      const content = tokens.slice(from, textEnd).join("");
      delta(from === 0 ? { role: "assistant", content } : { content });
    }
    for (let u = Math.max(from, tokens.length); u < to; u++) {
      const { call, index, first, piece } = pieces[u - tokens.length]!;
      const head = u === 0 ? { role: "assistant", content: null } : {};
      delta({
        ...head,
        tool_calls: [
          first
            ? { index, id: call.id, type: "function", function: { name: call.name, arguments: piece } }
            : { index, function: { arguments: piece } },
        ],
      });
    }
  };
  const stallAt = f.stallAfterTokens !== null && f.stallAfterTokens < n ? f.stallAfterTokens : undefined;
  const failAt = f.errorAfterTokens !== null && f.errorAfterTokens < n ? f.errorAfterTokens : undefined;
  const cutAt = f.endAfterTokens !== null && f.endAfterTokens < n ? f.endAfterTokens : undefined;
  const perToken = f.tokensPerSecond > 0 && Number.isFinite(f.tokensPerSecond) ? 1000 / f.tokensPerSecond : 0;
  let origin = Date.now();
  let sent = 0;
  let stalled = false;

  while (true) {
    if (sent === stallAt && !stalled) {
      stalled = true;
      await sleep(f.stallMs, ctx.signal);
      origin = Date.now() - sent * perToken;
    }
    if (sent === failAt) {
      const error = {
        code: "upstream_error",
        message: `${endpoint.provider} failed mid-stream after ${sent} tokens.`,
        metadata: providerMetadata(ctx, completion.model),
      };
      send({
        error,
        choices: [
          { index: 0, delta: { content: "" }, finish_reason: "error", native_finish_reason: "error" },
        ],
      });
      res.end();
      return;
    }
    if (sent === cutAt) {
      res.end();
      return;
    }
    if (sent >= n) break;
    const limit = Math.min(n, stallAt !== undefined && stallAt > sent ? stallAt : n, failAt ?? n, cutAt ?? n);
    await sleep(origin + sent * perToken - Date.now(), ctx.signal);
    const due = perToken > 0 ? Math.floor((Date.now() - origin) / perToken) + 1 : limit;
    const upto = Math.max(sent + 1, Math.min(limit, due));
    sendUnits(sent, upto);
    sent = upto;
  }

  if (n === 0) delta({ role: "assistant", content: "" });
  if (completion.images.length > 0) {
    delta({ images: completion.images.map((url) => ({ type: "image_url", image_url: { url } })) });
  }
  delta({}, completion.finishReason);
  endpoint.charge(completion.chargeUsd);
  send({ choices: [], usage: completion.usage, x_switchyard: completion.extra });
  res.end("data: [DONE]\n\n");
}
