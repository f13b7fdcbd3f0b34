// The HTTP client every upstream call goes through, and the parsed target of each upstream URL.
import { Agent, type Dispatcher, EnvHttpProxyAgent } from "undici";

/**
 * Keep-alive connections to every upstream origin, no cap on connections per origin. When `env`
 * names a proxy (HTTPS_PROXY, HTTP_PROXY, either case), calls go through it, except to the hosts in
 * NO_PROXY and to loopback (the local provider), which a proxy elsewhere could not reach.
 */
export function createDispatcher(env: Record<string, string | undefined> = {}): Dispatcher {
  const options = { connections: null, pipelining: 1 };
  const httpsProxy = env.HTTPS_PROXY || env.https_proxy || "";
  const httpProxy = env.HTTP_PROXY || env.http_proxy || "";
  if (!httpsProxy && !httpProxy) return new Agent(options);
  // Empty strings, not undefined: undici would otherwise fall back to process.env.
  const noProxy = [env.NO_PROXY || env.no_proxy, "localhost", "127.0.0.1", "[::1]"].filter(Boolean).join(",");
  return new EnvHttpProxyAgent({ ...options, httpProxy, httpsProxy, noProxy });
}

export interface Target {
  origin: string;
  path: string;
  /** Basic credentials from the base URL, as node:http's `auth` would send them. */
  authorization: string | undefined;
}

// Parsing the same few upstream URLs on every call is measurable; they come from the catalog, so
// the cache stays small (capped anyway). Keyed by base URL, then path: no string built per call.
const targets = new Map<string, Map<string, Target>>();

export function targetFor(baseUrl: string, path: string): Target {
  let byPath = targets.get(baseUrl);
  if (!byPath) {
    if (targets.size >= 256) targets.clear();
    byPath = new Map();
    targets.set(baseUrl, byPath);
  }
  let target = byPath.get(path);
  if (!target) {
    const u = new URL(`${baseUrl}${path}`);
    const user = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    target = {
      origin: u.origin,
      path: `${u.pathname}${u.search}`,
      authorization: u.username || u.password ? `Basic ${Buffer.from(user).toString("base64")}` : undefined,
    };
    byPath.set(path, target);
  }
  return target;
}
