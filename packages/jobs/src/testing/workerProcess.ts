// A worker process for the kill test: `tsx workerProcess.ts <mode>` with DATABASE_URL set. "hang" records
// its attempt, then never finishes (the test kills it with SIGKILL); "finish" records its attempt and the
// job's one effect.
import { createDb } from "@switchyard/db";
import { startJobs } from "../jobQueue.ts";
import { effectsKind, recordAttempt, recordEffect } from "./effectsKind.ts";

const mode = process.argv[2];
if (mode !== "hang" && mode !== "finish") throw new Error("mode is hang or finish");

const handle = await createDb({ cache: false, migrate: false });
const jobs = await startJobs({ handle, superviseSeconds: 1, pollSeconds: 0.5 }, [effectsKind]);
await jobs.work({
  kind: effectsKind,
  async run(_data, ctx) {
    await recordAttempt(handle.db, ctx.key, ctx.attempt);
    if (mode === "hang") await new Promise(() => {});
    await recordEffect(handle.db, ctx.key);
  },
  async dead() {},
});
console.log("ready");
