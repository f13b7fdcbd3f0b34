// The gateway's virtual keys (see gatewayKeyStore.ts).
export {
  createGatewayKey,
  findGatewayKey,
  type GatewayKey,
  listGatewayKeys,
  MAX_KEY_RATE_PER_MINUTE,
  type NewGatewayKey,
  newGatewayKeySchema,
  revokeGatewayKey,
  VIRTUAL_KEY_PREFIX,
} from "./gatewayKeyStore.ts";
