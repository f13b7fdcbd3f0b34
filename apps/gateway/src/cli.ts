// `pnpm --filter @switchyard/gateway start`: the gateway on GATEWAY_PORT (4000) until SIGINT or SIGTERM.
// As a child of a benchmark (an IPC channel), it also reports { type: "ready", url } once it listens.
import { z } from "zod";
import { startGateway } from "./server.ts";

try {
  const gateway = await startGateway();
  console.log(`[gateway] listening on ${gateway.url} (OpenAI-compatible: ${gateway.url}/v1)`);
  process.send?.({ type: "ready", url: gateway.url });
  const stop = () => {
    gateway.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
} catch (err) {
  const message = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
  console.error(`[gateway] cannot start: ${message}`);
  process.exit(1);
}
