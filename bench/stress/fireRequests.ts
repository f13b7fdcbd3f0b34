// The load client: N generate requests fired at once through the app's HTTP API, each with its own
// idempotency key. A 429 from the app's queue is retried with the same key after its Retry-After
// (that is what the API asks clients to do); nothing else is retried and there is no client timeout.
export interface RequestOutcome {
  key: string;
  startedAt: number;
  finishedAt: number;
  status: number;
  endpoint: string | null;
  failover: boolean;
  queueRetries: number;
  errorCode: string | null;
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

export async function fireRequests(
  appUrl: string,
  count: number,
  keyPrefix: string,
  onDone?: (done: number) => void,
): Promise<RequestOutcome[]> {
  // Node's fetch opens as many connections as there are requests in flight (no per-origin cap), so
  // these are 1000 truly concurrent requests; its default timeouts are left alone.
  let done = 0;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const key = `${keyPrefix}-${String(i).padStart(4, "0")}`;
      const startedAt = performance.now();
      let queueRetries = 0;
      for (;;) {
        const res = await fetch(`${appUrl}/api/images/generate`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": key },
          body: JSON.stringify({ prompt: stressPrompt(i), size: "small", seed: i }),
        }).catch(() => null);
        const body = (await res?.json().catch(() => null)) as {
          image?: { routing?: { endpoint: string | null; failover: boolean } | null };
          error?: { code: string };
        } | null;
        const retryAfter = Number(res?.headers.get("retry-after") ?? 0);
        if (res?.status === 429 && body?.error?.code === "queue_full" && retryAfter > 0) {
          queueRetries++;
          await new Promise((r) => setTimeout(r, retryAfter * 1000));
          continue;
        }
        onDone?.(++done);
        return {
          key,
          startedAt,
          finishedAt: performance.now(),
          status: res?.status ?? 0,
          endpoint: body?.image?.routing?.endpoint ?? null,
          failover: body?.image?.routing?.failover ?? false,
          queueRetries,
          errorCode: res?.ok ? null : (body?.error?.code ?? "network"),
        };
      }
    }),
  );
}
