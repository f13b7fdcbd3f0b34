import { type APIRequestContext, expect, test } from "@playwright/test";

const providerUrl = () => {
  const url = process.env.E2E_PROVIDER_URL;
  if (!url) throw new Error("E2E_PROVIDER_URL is set by the Playwright config");
  return url;
};

interface Route {
  requestId: string;
  endpoint: string | null;
  failover: boolean;
  attempts: number;
}

/** Asks through the todo app's own route and returns the routing of the finished answer. */
async function ask(request: APIRequestContext, question: string, tier: "fast" | "strong"): Promise<Route> {
  const res = await request.post("/api/ask", { data: { question, tier } });
  expect(res.status()).toBe(200);
  const events = (await res.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; route?: Route });
  const done = events.find((e) => e.type === "done");
  expect(done, JSON.stringify(events.at(-1))).toBeDefined();
  return done!.route!;
}

async function setPrimaryDown(request: APIRequestContext, down: boolean) {
  const res = await request.post(`${providerUrl()}/control/faults`, { data: { endpoint: "primary", down } });
  expect(res.ok()).toBe(true);
}

interface UsageApi {
  savings: { requests: number; savedUsd: number; tiers: { tier: string; requests: number }[] };
  reliability: { failovers: number }[];
}

/** The figures the page renders, as JSON, for the app's "ask" feature. Other specs may have asked too. */
async function askUsage(request: APIRequestContext) {
  const res = await request.get("/usage/api?feature=ask");
  expect(res.status(), await res.text()).toBe(200);
  const api = (await res.json()) as UsageApi;
  const tier = (name: string) => api.savings.tiers.find((t) => t.tier === name)?.requests ?? 0;
  return {
    answered: api.savings.requests,
    savedUsd: api.savings.savedUsd,
    fast: tier("fast"),
    strong: tier("strong"),
    failovers: api.reliability.reduce((n, p) => n + p.failovers, 0),
  };
}

test("requests show up in the usage log, the spend chart and the savings figure", async ({
  page,
  request,
}) => {
  const before = await askUsage(request);
  const fast = await ask(request, "Which todos are due this week?", "fast");
  const strong = await ask(request, "Compare my two oldest todos and plan the week around them.", "strong");
  await setPrimaryDown(request, true);
  let failover: Route;
  try {
    failover = await ask(request, "What should I do first?", "fast");
  } finally {
    await setPrimaryDown(request, false);
  }
  expect(failover.failover).toBe(true);
  expect(failover.endpoint).not.toBe("local:primary");

  const after = await askUsage(request);
  expect(after.answered - before.answered).toBe(3);
  expect(after.fast - before.fast).toBe(2);
  expect(after.strong - before.strong).toBe(1);
  expect(after.failovers - before.failovers).toBe(1);
  // Two answers on the fast tier cost less than GPT-4o would have.
  expect(after.savedUsd).toBeGreaterThan(before.savedUsd);

  await page.goto("/usage?feature=ask");
  const log = page.getByTestId("usage-log");
  for (const r of [fast, strong, failover])
    await expect(log.locator(`[data-request-id="${r.requestId}"]`)).toBeVisible();

  await expect(
    page.getByTestId("usage-spend-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  await expect(page.getByTestId("usage-savings")).toContainText(/\$[\d.]+ saved/);
  await expect(page.getByTestId("usage-tier-fast")).toBeVisible();

  // The failed-over request opens its chain: the primary's failed try, then the endpoint that answered.
  await log.locator(`[data-request-id="${failover.requestId}"]`).click();
  const attempts = page.getByTestId("attempt-chain").getByTestId("attempt-row");
  await expect(attempts).toHaveCount(failover.attempts);
  await expect(attempts.first()).toContainText("local:primary");
  await expect(attempts.first()).toContainText("error");
  await expect(attempts.last()).toContainText(failover.endpoint ?? "");
  await expect(attempts.last()).toContainText("ok");

  // The outcome filter keeps only failures: none of these three failed.
  await page.goto("/usage?feature=ask&outcome=error");
  await expect(page.getByTestId("usage-log-section")).toBeVisible();
  for (const r of [fast, strong, failover])
    await expect(page.locator(`[data-request-id="${r.requestId}"]`)).toHaveCount(0);
});
