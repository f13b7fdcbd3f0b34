// Cross-site request forgery checks for the apps' mutating routes. A browser always sends Origin on a
// cross-origin POST, so an Origin that is neither this app nor a trusted one is refused; and a body must
// be JSON, which a cross-site form or a "simple" fetch cannot send without a CORS preflight we never grant.
import { ApiError } from "../apiErrors.ts";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutating(method: string): boolean {
  return MUTATING.has(method.toUpperCase());
}

/** The origin the browser addressed: the Host header (or a proxy's X-Forwarded-Host) on the request's scheme. */
function ownOrigins(req: Request): string[] {
  const url = new URL(req.url);
  const hosts = [url.host, req.headers.get("x-forwarded-host"), req.headers.get("host")];
  const protos = [url.protocol.replace(":", ""), req.headers.get("x-forwarded-proto")];
  const origins: string[] = [];
  for (const host of hosts) {
    if (!host) continue;
    for (const proto of protos) if (proto) origins.push(`${proto}://${host.split(",")[0]?.trim()}`);
  }
  return origins;
}

/** Throws 403 `cross_origin` for a foreign Origin, 415 `unsupported_media_type` for a body that is not JSON. */
export function checkCsrf(req: Request, trusted: readonly string[]): void {
  const origin = req.headers.get("origin");
  if (origin !== null) {
    if (!ownOrigins(req).includes(origin) && !trusted.includes(origin)) {
      throw new ApiError("cross_origin", "This request came from another site and was refused.", 403);
    }
  } else if (req.headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError("cross_origin", "This request came from another site and was refused.", 403);
  }
  if (hasBody(req.headers)) {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      throw new ApiError(
        "unsupported_media_type",
        "Send the body as JSON (Content-Type: application/json).",
        415,
      );
    }
  }
}

// A request without a body (a DELETE, a POST that only names its target) has nothing to type.
function hasBody(headers: Headers): boolean {
  if (headers.has("content-type") || headers.has("transfer-encoding")) return true;
  const length = headers.get("content-length");
  return length !== null && length !== "0";
}
