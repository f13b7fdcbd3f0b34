// The images app's worker process, for SWITCHYARD_WORKERS=separate: runs generation jobs against the same
// database (DATABASE_URL) and image storage as the app until SIGTERM or SIGINT, then lets them finish.
import { generationServices } from "./lib/generation/generationServices.ts";

const { jobs } = await generationServices("worker");
console.log("images worker: running generation jobs");
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, () => {
    void jobs.stop({ graceful: true, timeoutMs: 30_000 }).finally(() => process.exit(0));
  });
