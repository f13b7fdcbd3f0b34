// A minimal OpenAI-compatible upstream for the overhead benchmark, in its own process: it drains the
// request and answers one precomputed chat completion, at once or after a delay (argv[2], ms) that
// varies by up to a fraction either way (argv[3]), so it costs every path as little and the same.
// The delays come from a seeded sequence that `POST /bench/rewind` restarts, so every measured block
// draws the very same delays: paths differ by what they add, not by the delays they happened to get.
import http from "node:http";
import seedrandom from "seedrandom";
import { exitWithParent, reportReady } from "../lib/childProcess.ts";

const message = { role: "assistant", content: "Hello! This is a fixed benchmark answer." };
const usage = { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21, cost: 0.0000072 };
const body = Buffer.from(
  JSON.stringify({
    ...{ id: "gen-bench-fixed", object: "chat.completion", created: 1_700_000_000, model: "bench-fixed" },
    provider: "Bench upstream",
    choices: [{ index: 0, message, finish_reason: "stop" }],
    usage,
  }),
);
const headers = { "content-type": "application/json", "content-length": String(body.length) };
const delayMs = Number(process.argv[2] ?? 0);
const jitter = Number(process.argv[3] ?? 0);
const seed = "switchyard-overhead";
let random = seedrandom(seed);

const server = http.createServer((req, res) => {
  req.on("data", () => undefined);
  req.on("end", () => {
    if (req.method === "POST" && req.url?.endsWith("/chat/completions")) {
      const answer = () => res.writeHead(200, headers).end(body);
      if (delayMs > 0) setTimeout(answer, delayMs * (1 + jitter * (2 * random() - 1)));
      else answer();
    } else if (req.method === "POST" && req.url === "/bench/rewind") {
      random = seedrandom(seed);
      res.writeHead(204).end();
    } else
      res
        .writeHead(404, { "content-type": "application/json" })
        .end('{"error":{"code":404,"message":"not found"}}');
  });
});
server.keepAliveTimeout = 60_000;
server.maxRequestsPerSocket = 0;
server.listen(0, "127.0.0.1", () =>
  reportReady(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
);
exitWithParent(() => new Promise<void>((resolve) => server.close(() => resolve())));
