// The gateway's own refusals, in OpenAI's error shape ({ error: { code, message, type } }) with a stable
// code each. The router's errors keep their codes and statuses (errorResponse from @switchyard/router).
import { errorBody } from "@switchyard/wire";

export const gatewayErrorStatus = {
  missing_api_key: 401,
  invalid_api_key: 401,
  key_expired: 401,
  key_revoked: 401,
  model_not_allowed: 403,
  budget_exceeded: 402,
  not_found: 404,
  method_not_allowed: 405,
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type GatewayErrorCode = keyof typeof gatewayErrorStatus;

export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  headers: Record<string, string> = {},
  details?: Record<string, unknown>,
): Response {
  return new Response(JSON.stringify(errorBody(code, message, details)), {
    status: gatewayErrorStatus[code],
    headers: { "content-type": "application/json", ...headers },
  });
}
