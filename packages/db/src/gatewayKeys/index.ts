// The gateway's virtual keys (see gatewayKeyStore.ts).
export {
  createGatewayKey,
  findGatewayKey,
  findGatewayKeyByHash,
  type GatewayKey,
  gatewayKeyHash,
  listGatewayKeys,
  type NewGatewayKey,
  newGatewayKeySchema,
  revokeGatewayKey,
  VIRTUAL_KEY_PREFIX,
} from "./gatewayKeyStore.ts";
