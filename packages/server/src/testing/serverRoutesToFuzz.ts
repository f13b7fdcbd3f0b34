// The routes every app mounts from @switchyard/server (health, demo sign-in, usage, better-auth's), as
// fuzz routes: both apps' fuzz suites send them the same hostile inputs. Imported by *.test.ts only.
import type { FuzzRoute, RouteHandler } from "@switchyard/tooling/fuzz";

/** A fuzz route from "METHOD /path" and the handler the route file exports. */
export const fuzzRoute = (name: string, handler: unknown, extra: Partial<FuzzRoute> = {}): FuzzRoute => {
  const [method = "GET", path = "/"] = name.split(" ");
  return { name, method, path, handler: handler as RouteHandler, ...extra };
};

/** A JSON body: a valid sample to mutate and the route's size limit. */
export const jsonBody = (sample: Record<string, unknown>, limitBytes: number) => ({
  body: { sample, limitBytes },
});

type Handlers = Record<string, unknown>;

/** An app's health, demo sign-in and usage routes (its own route modules, as the app mounts them). */
export function serverRoutesToFuzz(
  app: string,
  m: {
    health: Handlers;
    demoSignIn: Handlers;
    usage: Handlers;
    budgets: Handlers;
    usageRequest: Handlers;
    keys: Handlers;
  },
): FuzzRoute[] {
  return [
    fuzzRoute("GET /api/health", m.health.GET),
    fuzzRoute("POST /api/demo-sign-in", m.demoSignIn.POST, jsonBody({}, 1024)),
    fuzzRoute("GET /usage/api", m.usage.GET, {
      query: { range: "24h", groupBy: "model", app, feature: "ask", model: "fast", outcome: "ok", page: "1" },
    }),
    fuzzRoute("GET /usage/api/budgets", m.budgets.GET),
    fuzzRoute("PUT /usage/api/budgets", m.budgets.PUT, jsonBody({ userId: "someone", limitUsd: 2 }, 4096)),
    fuzzRoute("GET /usage/api/requests/[requestId]", m.usageRequest.GET, {
      params: { requestId: "request" },
    }),
    fuzzRoute("GET /usage/api/keys", m.keys.GET),
    fuzzRoute(
      "POST /usage/api/keys",
      m.keys.POST,
      jsonBody(
        { name: "fuzz key", allowedModels: ["auto"], dailyUsd: 1, rpm: 60, expiresInDays: 30 },
        16 * 1024,
      ),
    ),
    fuzzRoute("DELETE /usage/api/keys", m.keys.DELETE, {
      query: { id: "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f" },
    }),
  ];
}

/** better-auth's routes, which answer in its own error shape; sign-out ends the session, so it is last. */
export function authRoutesToFuzz(auth: Handlers): FuzzRoute[] {
  const credentials = { email: "fuzz@example.com", password: "correct horse battery" };
  return [
    fuzzRoute("POST /api/auth/sign-up/email", auth.POST, {
      ownErrorShape: true,
      ...jsonBody({ ...credentials, name: "Fuzz" }, 64 * 1024),
    }),
    fuzzRoute("POST /api/auth/sign-in/email", auth.POST, {
      ownErrorShape: true,
      ...jsonBody(credentials, 64 * 1024),
    }),
    fuzzRoute("GET /api/auth/get-session", auth.GET, { ownErrorShape: true }),
    fuzzRoute("POST /api/auth/[path]", auth.POST, {
      ownErrorShape: true,
      params: { path: "auth-path" },
      ...jsonBody({}, 1024),
    }),
    fuzzRoute("POST /api/auth/sign-out", auth.POST, { ownErrorShape: true, ...jsonBody({}, 1024) }),
  ];
}
