// The todo app's worker process, for SWITCHYARD_WORKERS=separate: runs plan & build jobs against the same
// database as the app (DATABASE_URL) until SIGTERM or SIGINT, then lets running steps finish.

import { todoJobs } from "./lib/build/buildJobs.ts";
import { buildChain } from "./lib/build/buildRoutes.ts";

const jobs = await todoJobs(buildChain, "worker");
console.log("todo worker: running plan & build jobs");
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, () => {
    void jobs.stop({ graceful: true, timeoutMs: 30_000 }).finally(() => process.exit(0));
  });
