// The upstream of the HTTP-layer comparison, in its own process: one fixed chat completion, at once.
import http from "node:http";

const body = Buffer.from(
  JSON.stringify({
    id: "gen-bench-fixed",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "bench-fixed",
    choices: [{ index: 0, message: { role: "assistant", content: "Hello." }, finish_reason: "stop" }],
    usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
  }),
);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () =>
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body),
  );
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () =>
  process.send?.({ type: "ready", url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
);
process.once("disconnect", () => process.exit(0));
