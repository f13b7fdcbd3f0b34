// The embedded database served over the Postgres wire, in its own process, for the kill run: both
// images app instances reach it through DATABASE_URL, and its CPU is not charged to the load client.
// `tsx databaseEntry.ts <dataDir>`: migrates, serves on a free port, reports its URL.
import { startPgliteServer } from "@switchyard/db";
import { exitWithParent, reportReady } from "../lib/childProcess.ts";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: databaseEntry.ts <dataDir>");
const server = await startPgliteServer({ dataDir });
exitWithParent(() => server.close());
reportReady(server.url);
