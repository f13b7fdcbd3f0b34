// The variables the gateway reads, parsed once with zod (an empty variable counts as unset). The
// database's (DATABASE_URL, SWITCHYARD_DATA_DIR) and the router's (LOCAL_PROVIDER_URL, keys) are read by
// @switchyard/db and @switchyard/router as in the apps.
import { envVar } from "@switchyard/wire";
import { z } from "zod";

export const gatewayEnvSchema = z.object({
  /** Where `pnpm --filter @switchyard/gateway start` and `npm run dev` serve it. */
  GATEWAY_PORT: envVar(z.coerce.number().int().min(0).max(65535).default(4000)),
  /** The address it listens on: loopback unless you put it behind your own proxy or network policy. */
  GATEWAY_HOST: envVar(z.string().trim().min(1).default("127.0.0.1")),
  /**
   * Benchmarks: one more model, `bench/fixed`, routed to this OpenAI-compatible base URL (its
   * `/v1/chat/completions`), as bench:overhead's router has it.
   */
  SWITCHYARD_GATEWAY_UPSTREAM_URL: envVar(z.url().optional()),
});

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

export function gatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  return gatewayEnvSchema.parse(env);
}
