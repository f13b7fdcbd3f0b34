// Chapter 14: tools, structured outputs and files through the router. A scripted stand-in model (a
// few lines of HTTP below, clearly not a language model) answers with tool calls in small pieces, and
// with prose once where JSON was asked, so every path the chapter describes runs offline and the
// same way each time. The router, its catalog and its checks are the real ones.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRouter, isRouterError, MemoryLedgerSink } from "@switchyard/router";
import { z } from "zod";

// The stand-in: tool calls when tools are offered (streamed as 6-character pieces), else JSON, except
// that its first JSON answer at the "primary" endpoint is prose, which no schema accepts.
const args = JSON.stringify({ title: "renew the car insurance", due: "2026-12-11", priority: "high" });
let primaryAnswers = 0;
const standIn = createServer(async (req, res) => {
  let text = "";
  for await (const piece of req) text += piece;
  const body = JSON.parse(text);
  const endpoint = req.url?.split("/")[1];
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "s", model: "stand-in", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  if (body.tools && body.stream) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(
      chunk({
        tool_calls: [
          { index: 0, id: "call_1", type: "function", function: { name: "add_todo", arguments: "" } },
        ],
      }),
    );
    for (const piece of args.match(/.{1,6}/g) ?? [])
      res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
    res.end(`${chunk({}, "tool_calls")}data: [DONE]\n\n`);
    return;
  }
  const prose = endpoint === "primary" && primaryAnswers++ === 0;
  const content = prose ? "Sure! I added the insurance renewal for next Friday." : args;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "s",
      model: "stand-in",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    }),
  );
});
await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
const ledger = new MemoryLedgerSink();
const router = createRouter({
  env: { SWITCHYARD_LOG_LEVEL: "error" },
  localProviderUrl: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`,
  ledger,
  policy: { credits: { refreshMs: 0 } },
});

// #region tools
// A tool the model may call; the stream yields the call in pieces and its result holds it whole.
const addTodo = {
  type: "function" as const,
  function: {
    name: "add_todo",
    description: "Add a todo with a due date and a priority",
    parameters: z.toJSONSchema(
      z.object({ title: z.string(), due: z.string(), priority: z.enum(["low", "high"]) }),
    ),
  },
};
const stream = router.stream({
  model: "fast",
  messages: [{ role: "user", content: "Remind me to renew the car insurance next Friday, high priority" }],
  tools: [addTodo],
});
let pieces = 0;
for await (const delta of stream) pieces += delta.toolCalls?.length ?? 0;
const { toolCalls, finishReason } = await stream.result;
console.log(
  `${pieces} pieces -> ${toolCalls[0]?.function.name}(${toolCalls[0]?.function.arguments}) [${finishReason}]`,
);
// #endregion

// #region structured
// The answer's shape as a zod schema: the router sends it as json_schema or as an instruction, checks
// the answer, and retries one that does not validate on the next candidate.
const todo = z.object({ title: z.string(), due: z.string(), priority: z.enum(["low", "high"]) });
const { data, routing } = await router.structured({
  model: "fast",
  messages: [{ role: "user", content: "Remind me to renew the car insurance next Friday, high priority" }],
  schema: todo,
  name: "todo",
});
console.log(`data: ${JSON.stringify(data)} from ${routing.endpoint} after ${routing.attempts} attempts`);
await router.flush();
for (const row of ledger.forRequest(routing.requestId)) {
  console.log(`  ${row.kind} ${row.endpoint}: ${row.outcome} $${row.costUsd.toFixed(6)}`);
}
// #endregion

// #region files
// A file part (here a CSV) goes only to a model whose catalog entry takes files.
const csv = Buffer.from("title,due\nbuy milk,2026-12-04\n").toString("base64");
const withFile = (model: string) =>
  router.chat({
    model,
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "Import these todos" },
          { type: "file", file: { filename: "todos.csv", file_data: `data:text/csv;base64,${csv}` } },
        ],
      },
    ],
  });
try {
  await withFile("fast");
} catch (err) {
  if (!isRouterError(err)) throw err;
  console.log(`fast: ${err.code}: ${err.message}`);
}
console.log(`auto: served by ${(await withFile("auto")).routing.modelUsed}`);
// #endregion

await router.close();
standIn.close();
