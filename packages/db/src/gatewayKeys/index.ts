// The gateway's virtual keys (see gatewayKeyStore.ts).
export {
  createGatewayKey,
  findGatewayKey,
  type GatewayKey,
  listGatewayKeys,
  type NewGatewayKey,
  newGatewayKeySchema,
  revokeGatewayKey,
  VIRTUAL_KEY_PREFIX,
} from "./gatewayKeyStore.ts";
