// The local provider in its own process for the stress test, so drawing images never steals the load
// client's event loop. Faults are set over its HTTP control API.
import { startLocalProvider } from "@switchyard/local-provider";
import { exitWithParent, reportReady } from "../lib/childProcess.ts";

const provider = await startLocalProvider({ port: 0 });
exitWithParent(() => provider.close());
reportReady(provider.url);
