// A build whose worker process dies mid-step: the worker is killed with SIGKILL while it checks the code,
// its job's lease runs out, the restarted worker carries on, and the page says the worker stopped and
// which attempt finished the build. Runs under e2e/workers.config.ts (workers in their own process).
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const workers: ChildProcess[] = [];

/** The app's worker entry point (node itself, so SIGKILL reaches the worker and not a wrapper). */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "worker.ts"], {
    cwd: appDir,
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      LOCAL_PROVIDER_URL: process.env.E2E_PROVIDER_URL,
      SWITCHYARD_WORKERS: "separate",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  workers.push(child);
  return child;
}

test.afterAll(() => {
  for (const w of workers) w.kill("SIGKILL");
});

test("a build whose worker was killed is picked up again, and the page says so", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/todos", {
    data: { title: "Split an array into chunks of size n" },
    headers: { "Idempotency-Key": `e2e-build-killed-${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const { todo } = (await created.json()) as { todo: { id: string } };

  const first = startWorker();
  await page.goto(`/build/${todo.id}`);
  await page.getByRole("button", { name: "Plan & build" }).click();

  // Checking makes no model call, so the dead worker leaves no idempotency claim behind. A reset
  // connection while polling is a missed sample, not a failed build.
  const statusNow = async () => {
    const res = await request.get(`/build/${todo.id}/run`).catch(() => null);
    return ((await res?.json()) as { build: { status: string } | null } | undefined)?.build?.status;
  };
  await expect.poll(statusNow, { intervals: [25], timeout: 90_000 }).toBe("checking");
  first.kill("SIGKILL");
  await expect(page.getByTestId("build-status")).toHaveAttribute("data-status", "checking");

  startWorker();
  const status = page.getByTestId("build-status");
  await expect(status).toHaveAttribute("data-status", "awaiting_review", { timeout: 150_000 });
  await expect(status).toContainText("revision 1");
  const resumed = page.getByTestId("build-resumed");
  await expect(resumed).toContainText("stopped while checking");
  await expect(resumed).toContainText("attempt 2");
  await expect(page.getByTestId("build-error")).toHaveCount(0);
});
