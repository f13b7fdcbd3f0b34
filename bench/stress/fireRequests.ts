// The load client: N generate requests fired at once through the app's HTTP API as one signed-in user,
// each with its own idempotency key, spread over the instances given (request i goes to instance i mod n).
// Retried with the same key, as the API asks clients to: a 429 queue_full and a 409 idempotency_in_flight
// after their Retry-After; and, in the kill run, a connection failure (the instance died) at once on the
// next instance. Nothing else is retried and there is no client timeout (undici's own 300 s wait for
// response headers is turned off: at 1000 requests on a busy machine an answer can take longer).
import { Agent, fetch } from "undici";

const noTimeouts = new Agent({ headersTimeout: 0, bodyTimeout: 0, connections: null });
export interface RequestOutcome {
  key: string;
  startedAt: number;
  finishedAt: number;
  status: number;
  endpoint: string | null;
  failover: boolean;
  queueRetries: number;
  inFlightRetries: number;
  connectionRetries: number;
  imageId: string | null;
  errorCode: string | null;
}

export interface FireOptions {
  urls: string[];
  /** The signed-in user's Cookie header. */
  cookie: string;
  count: number;
  keyPrefix: string;
  /** Retry a request whose connection failed on the next instance (the kill run); else it fails. */
  retryConnectionFailures?: boolean;
  onDone?: (done: number) => void;
}

const PROMPTS = [
  "a lighthouse on a cliff at dusk",
  "a red fox in fresh snow",
  "a paper boat on a still pond",
  "a city street in the rain at night",
  "a bowl of ripe cherries on a table",
  "mountains above a sea of clouds",
  "an old tram crossing a bridge",
  "a field of sunflowers under a storm",
  "a cat asleep on a stack of books",
  "a hot air balloon over a valley",
];

export function stressPrompt(i: number): string {
  return `${PROMPTS[i % PROMPTS.length]}, variation ${Math.floor(i / PROMPTS.length) % 10}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// A connection refused while an instance restarts: try the next one after a moment, not in a hot loop.
const CONNECTION_RETRY_MS = 200;
const MAX_CONNECTION_RETRIES = 50;

type Body = {
  image?: { id?: string; routing?: { endpoint: string | null; failover: boolean } | null };
  error?: { code: string };
} | null;

export async function fireRequests(opts: FireOptions): Promise<RequestOutcome[]> {
  // The agent opens as many connections as there are requests in flight (no per-origin cap), so these
  // are truly concurrent requests.
  let done = 0;
  return Promise.all(
    Array.from({ length: opts.count }, async (_, i) => {
      const key = `${opts.keyPrefix}-${String(i).padStart(4, "0")}`;
      const startedAt = performance.now();
      const tally = { queueRetries: 0, inFlightRetries: 0, connectionRetries: 0 };
      let instance = i % opts.urls.length;
      for (;;) {
        const res = await fetch(`${opts.urls[instance]}/api/images/generate`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": key, cookie: opts.cookie },
          body: JSON.stringify({ prompt: stressPrompt(i), size: "small", seed: i }),
          dispatcher: noTimeouts,
        }).catch(() => null);
        const body = (await res?.json().catch(() => null)) as Body;
        if (!res && opts.retryConnectionFailures && tally.connectionRetries < MAX_CONNECTION_RETRIES) {
          tally.connectionRetries++;
          instance = (instance + 1) % opts.urls.length;
          await pause(CONNECTION_RETRY_MS);
          continue;
        }
        const retryAfter = Number(res?.headers.get("retry-after") ?? 0);
        const code = body?.error?.code;
        if (retryAfter > 0 && (code === "queue_full" || code === "idempotency_in_flight")) {
          if (code === "queue_full") tally.queueRetries++;
          else tally.inFlightRetries++;
          await pause(retryAfter * 1000);
          continue;
        }
        opts.onDone?.(++done);
        return {
          key,
          startedAt,
          finishedAt: performance.now(),
          status: res?.status ?? 0,
          endpoint: body?.image?.routing?.endpoint ?? null,
          failover: body?.image?.routing?.failover ?? false,
          ...tally,
          imageId: body?.image?.id ?? null,
          errorCode: res?.ok ? null : (code ?? (res ? `http_${res.status}` : "network")),
        };
      }
    }),
  );
}
