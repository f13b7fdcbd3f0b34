// The local provider in its own process for the provider benchmark, so its simulated latency and
// token pacing do not compete with the client's event loop that measures them.
import { startLocalProvider } from "@switchyard/local-provider";
import { exitWithParent, reportReady } from "../lib/childProcess.ts";

const provider = await startLocalProvider({ port: 0 });
reportReady(provider.url);
exitWithParent(() => provider.close());
