// A minimal OpenAI-compatible upstream for the overhead benchmark, run in its own process: it drains
// the request and answers one precomputed chat completion, at once or after a delay (argv[2], ms,
// fixed unless argv[3] gives a jitter), so the upstream costs as little as possible and the same for
// every path being compared. The jittered delays come from a seeded sequence that `POST /bench/rewind`
// starts again, so every measured block that rewinds first draws the very same delays: the paths
// differ by what they add, not by which random delays they happened to get (common random numbers).
import http from "node:http";
import seedrandom from "seedrandom";
import { exitWithParent, reportReady } from "../lib/childProcess.ts";

const body = Buffer.from(
  JSON.stringify({
    id: "gen-bench-fixed",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "bench-fixed",
    provider: "Bench upstream",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "Hello! This is a fixed benchmark answer." },
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21, cost: 0.0000072 },
  }),
);
const delayMs = Number(process.argv[2] ?? 0);
// Each answer's delay varies by up to this fraction either way (argv[3], default 0: fixed).
const jitter = Number(process.argv[3] ?? 0);
const seed = "switchyard-overhead";
let random = seedrandom(seed);
const headers = { "content-type": "application/json", "content-length": String(body.length) };

const server = http.createServer((req, res) => {
  req.on("data", () => undefined);
  req.on("end", () => {
    if (req.method === "POST" && req.url?.endsWith("/chat/completions")) {
      if (delayMs > 0) {
        const ms = delayMs * (1 + jitter * (2 * random() - 1));
        setTimeout(() => res.writeHead(200, headers).end(body), ms);
      } else res.writeHead(200, headers).end(body);
    } else if (req.method === "POST" && req.url === "/bench/rewind") {
      random = seedrandom(seed);
      res.writeHead(204).end();
    } else {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end('{"error":{"code":404,"message":"not found"}}');
    }
  });
});
server.keepAliveTimeout = 60_000;
server.maxRequestsPerSocket = 0;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  reportReady(`http://127.0.0.1:${port}`);
});
exitWithParent(() => new Promise<void>((resolve) => server.close(() => resolve())));
