// One server process of the two-process rate-limit test: the app's route with the "ask" limit, on the
// shared database (DATABASE_URL), called BURST times at once with the same signed-in user's cookie.
// Prints the statuses and the Retry-After of the refusals.
import { appRequest, routeContext } from "../testing/serverWorld.ts";
import { apiRoute } from "./apiRoute.ts";

const ask = apiRoute({ rateLimit: "ask" }, async () => Response.json({ answered: true }));
const burst = Number(process.env.BURST);
const responses = await Promise.all(
  Array.from({ length: burst }, () =>
    ask(
      appRequest("/api/ask", { cookie: process.env.COOKIE, body: { question: "what is due?" } }),
      routeContext({}),
    ),
  ),
);
process.stdout.write(
  JSON.stringify(responses.map((r) => ({ status: r.status, retryAfter: r.headers.get("retry-after") }))),
);
process.exit(0);
