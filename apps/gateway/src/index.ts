// @switchyard/gateway: start the gateway in a process (tests, benchmarks) or mount its fetch function.
export {
  createGateway,
  type GatewayDeps,
  type GatewayRequest,
  MAX_BODY_BYTES,
  webRequest,
} from "./gateway.ts";
export { type GatewayEnv, gatewayEnv } from "./gatewayEnv.ts";
export { type GatewayErrorCode, gatewayErrorStatus } from "./gatewayErrors.ts";
export { BENCH_MODEL, GATEWAY_APP } from "./gatewayRouter.ts";
export { type RunningGateway, type StartGatewayOptions, startGateway } from "./server.ts";
